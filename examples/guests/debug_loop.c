/* Source-level debugging, part 1 (built -O0 -gdwarf-5, so every local lives in the stack frame where gdb
 * and memscope's source view can find it): a loop over a local array that squares its elements and sums
 * them into `sum`, one store to `sum` per iteration, then reveals the sum.
 * Expected end state: exit 0, public words 0 = sum of squares of 3,1,4,1,5,9,2,6 = 173, 1 = 8. */
#include "openvm.h"

#define COUNT 8

int main(void) {
  uint32_t values[COUNT] = {3, 1, 4, 1, 5, 9, 2, 6};
  uint32_t sum = 0;
  for (uint32_t i = 0; i < COUNT; i++) {
    uint32_t square = values[i] * values[i];
    values[i] = square;
    sum += square;
  }
  reveal_u32(sum, 0);
  reveal_u32(COUNT, 1);
  return 0;
}
