/* Reads two input vectors (hintinput, then hintstorew for the byte length and hintbuffer for the bytes)
 * and reveals the vector count, the total byte count and the byte sum. Run with e.g.
 * `--input '{"input": ["0x0101020304", "0x01ff"]}'` (01 = the rest are bytes, as the OpenVM CLI reads it).
 * Expected end state for that input: exit 0; public values words 0..2 = 2, 5, 265 (1+2+3+4+255).
 * Without input the first hintinput fails with EndOfInputStream. */
#include "openvm.h"

int main(void) {
  uint32_t total = 0, sum = 0;
  for (int v = 0; v < 2; v++) {
    uint8_t *data;
    uint32_t n = read_input(&data);
    total += n;
    for (uint32_t i = 0; i < n; i++) sum += data[i];
    free(data);
  }
  reveal_u32(2, 0);
  reveal_u32(total, 1);
  reveal_u32(sum, 2);
  return 0;
}
