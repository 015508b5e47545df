/* The guest of lesson 10 (public/lessons/10-precompile-blocks.json): where AccessAdapterAir<16> and <32>
 * rows come from. RV32IM instructions only ever access 4 cells; OpenVM's SHA-256 precompile reads its input
 * 16 cells at a time and writes its digest as one 32-cell block. Each step the lesson talks about is its own
 * noinline function whose first instruction is that access (sha256 through its custom opcode: custom-0
 * funct3 100 funct7 1, rd = digest pointer, rs1 = message pointer, rs2 = length).
 * Expected end state: exit 0; public values = the first 16 bytes of sha256("memscope: 16 and 32 cells!")
 * then its digest word 3 and the same digest's first 12 bytes again (from the second hash). */
#include "openvm.h"

static uint8_t message[64] __attribute__((aligned(64)));
static uint8_t digest[32] __attribute__((aligned(32)));
static const char text[] = "memscope: 16 and 32 cells!";

__attribute__((noinline)) void hash_message(const uint8_t *msg, uint32_t len, uint8_t *out) {
  __asm__ volatile(".insn r 0x0b, 4, 1, %0, %1, %2" ::"r"(out), "r"(msg), "r"(len) : "memory");
}
__attribute__((noinline)) void hash_again(const uint8_t *msg, uint32_t len, uint8_t *out) {
  __asm__ volatile(".insn r 0x0b, 4, 1, %0, %1, %2" ::"r"(out), "r"(msg), "r"(len) : "memory");
}
__attribute__((noinline)) uint32_t read_digest_word(const volatile uint32_t *p) { return p[3]; }

int main(void) {
  uint32_t len = strlen(text);
  for (uint32_t i = 0; i < len; i++) message[i] = (uint8_t)text[i]; /* byte stores: 4-cell blocks */
  hash_message(message, len, digest);                                 /* 16-cell reads, a 32-cell write */
  uint32_t w = read_digest_word((const volatile uint32_t *)digest);    /* a 4-cell read inside the 32 */
  for (uint32_t k = 0; k < 4; k++) reveal_u32(((const uint32_t *)digest)[k], k);
  hash_again(message, len, digest);                                   /* the same blocks again */
  reveal_u32(w, 4);
  for (uint32_t k = 0; k < 3; k++) reveal_u32(((const uint32_t *)digest)[k], 5 + k);
  return 0;
}
