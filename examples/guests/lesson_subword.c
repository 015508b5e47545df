/* The guest of lesson 9 (public/lessons/09-subword-guest.json): sub-word stores in a real RV32IM program.
 * Every store is its own tiny function, so that the lesson can anchor its narration on the function's
 * symbol: each function's first instruction is the store itself (`sb a1, 0(a0)` / `sh a1, 0(a0)`).
 * OpenVM v1.7 has no byte blocks in RV32 memory (AS2, min_block_size 4): a store of 1 or 2 bytes reads
 * rs1 and rs2 (AS1) and writes the whole aligned 4-byte word (AS2), the other bytes keeping their values.
 * Expected end state: exit 0; public values word 0 = 0x00221100, word 1 = 0x33440000, word 2 = 0x00005500. */
#include "openvm.h"

/* 32-aligned, so that buf[0..8) and buf[8..16) are two whole 8-byte chunks. */
static uint8_t buf[32] __attribute__((aligned(32)));

__attribute__((noinline)) void store_first_byte(volatile uint8_t *p, uint8_t v) { *p = v; }
__attribute__((noinline)) void store_same_word(volatile uint8_t *p, uint8_t v) { *p = v; }
__attribute__((noinline)) void store_half(volatile uint16_t *p, uint16_t v) { *p = v; }
__attribute__((noinline)) void store_next_chunk(volatile uint8_t *p, uint8_t v) { *p = v; }

static uint32_t word(int i) { return (uint32_t)buf[i] | (uint32_t)buf[i + 1] << 8 | (uint32_t)buf[i + 2] << 16 | (uint32_t)buf[i + 3] << 24; }

int main(void) {
  store_first_byte(&buf[1], 0x11);           /* first touch of chunk buf[0..8) */
  store_same_word(&buf[2], 0x22);            /* the same word again */
  store_half((uint16_t *)&buf[6], 0x3344);   /* the other word of the chunk */
  store_next_chunk(&buf[9], 0x55);           /* the next chunk, buf[8..16) */
  reveal_u32(word(0), 0);
  reveal_u32(word(4), 1);
  reveal_u32(word(8), 2);
  return 0;
}
