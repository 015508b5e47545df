/* Keccak-256 and SHA-256 through OpenVM v1.7's precompile opcodes (custom-0 funct3 100, funct7 0 = keccak256
 * and 1 = sha256, R-type: rd = digest pointer, rs1 = message pointer, rs2 = length; both pointers 4-aligned).
 * Hashes a 200-byte message (two Keccak-f blocks of 136 bytes, four SHA-256 blocks of 64) and the empty
 * message. Expected end state: exit 0; public values = the first 16 bytes of keccak256(message) then the
 * first 16 bytes of sha256(message); the console prints all four full digests in hex.
 * What to look at: keccak256 reads the message 4 bytes at a time (AccessAdapterAir<8> only), sha256 reads
 * 16-byte blocks and writes its digest as one 32-byte block (AccessAdapterAir<16> and <32> rows). */
#include "openvm.h"

static void keccak256(const void *msg, uint32_t len, void *digest) {
  __asm__ volatile(".insn r 0x0b, 4, 0, %0, %1, %2" ::"r"(digest), "r"(msg), "r"(len) : "memory");
}

static void sha256(const void *msg, uint32_t len, void *digest) {
  __asm__ volatile(".insn r 0x0b, 4, 1, %0, %1, %2" ::"r"(digest), "r"(msg), "r"(len) : "memory");
}

/* The message: 200 bytes, i * 7 + 3 (mod 256). SHA-256 reads up to 72 bytes past it (its padding room). */
static uint8_t message[256] __attribute__((aligned(32)));
static uint8_t kdigest[32] __attribute__((aligned(32)));
static uint8_t sdigest[32] __attribute__((aligned(32)));
static uint8_t empty_k[32] __attribute__((aligned(32)));
static uint8_t empty_s[32] __attribute__((aligned(32)));

static void print_digest(const char *label, const uint8_t *d) {
  static const char hexdigits[] = "0123456789abcdef";
  char line[64 + 2];
  for (int i = 0; i < 32; i++) {
    line[2 * i] = hexdigits[d[i] >> 4];
    line[2 * i + 1] = hexdigits[d[i] & 15];
  }
  line[64] = '\n';
  line[65] = 0;
  print_str(label);
  print_str(line);
}

int main(void) {
  for (uint32_t i = 0; i < 200; i++) message[i] = (uint8_t)(i * 7 + 3);
  keccak256(message, 200, kdigest);
  sha256(message, 200, sdigest);
  keccak256(message, 0, empty_k);
  sha256(message, 0, empty_s);
  print_digest("keccak256(message) = ", kdigest);
  print_digest("sha256(message)    = ", sdigest);
  print_digest("keccak256('')      = ", empty_k);
  print_digest("sha256('')         = ", empty_s);
  for (uint32_t w = 0; w < 4; w++) {
    reveal_u32(((const uint32_t *)kdigest)[w], w);
    reveal_u32(((const uint32_t *)sdigest)[w], 4 + w);
  }
  return 0;
}
