/* Hello world: print a string on the host console (phantom printstr) and reveal two public values
 * (reveal writes AS3, the user IO space). Expected end state: exit 0, console "Hello, OpenVM!\n",
 * public values 0x0000002a (42) at word 0 and the message length 15 at word 1. */
#include "openvm.h"

static const char message[] = "Hello, OpenVM!\n";

int main(void) {
  print_str(message);
  reveal_u32(42, 0);
  reveal_u32(strlen(message), 1);
  return 0;
}
