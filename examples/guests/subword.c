/* Sub-word loads and stores. OpenVM v1.7 has no byte or halfword memory blocks in RV32 address spaces:
 * every sb/sh is a full 4-byte write of the aligned word (the other bytes keep their values) and every
 * lb/lbu/lh/lhu reads the aligned word. The first touch of each 8-byte chunk splits it (8 -> 4); finalize
 * merges it back (4 -> 8) in persistent mode, while volatile mode zero-merges every first-touched word
 * (4 <- 1) and splits every word to bytes at the end (4 -> 1).
 * Expected end state: exit 0; public values word 0 = checksum, word 1 = 0x80, word 2 = 0xffff8000. */
#include "openvm.h"

static uint8_t bytes[64];
static int16_t halves[32];
static char text[] = "the quick brown fox jumps over the lazy dog";

int main(void) {
  uint32_t sum = 0;
  /* byte stores into consecutive addresses: 4 writes per word, all on the same aligned word */
  for (int i = 0; i < 64; i++) bytes[i] = (uint8_t)(i * 37 + 1);
  for (int i = 0; i < 64; i++) sum = sum * 31 + bytes[i];
  /* signed halfwords, with sign extension on load */
  for (int i = 0; i < 32; i++) halves[i] = (int16_t)(i * 1000 - 16000);
  for (int i = 0; i < 32; i++) sum += (uint32_t)(int32_t)halves[i];
  /* in-place byte edit of a string: uppercase every word's first letter */
  for (int i = 0; text[i]; i++)
    if ((i == 0 || text[i - 1] == ' ') && text[i] >= 'a' && text[i] <= 'z') text[i] = (char)(text[i] - 32);
  for (int i = 0; text[i]; i++) sum = sum * 7 + (uint8_t)text[i];
  print_str(text);
  print_str("\n");
  /* sign extension corner cases */
  volatile int8_t sb = (int8_t)0x80;
  volatile int16_t sh = (int16_t)0x8000;
  volatile uint8_t ub = 0x80;
  reveal_u32(sum, 0);
  reveal_u32((uint32_t)ub, 1);
  reveal_u32((uint32_t)(int32_t)sh, 2);
  reveal_u32((uint32_t)(int32_t)sb, 3);
  return 0;
}
