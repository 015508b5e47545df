/* Entry point: the stack pointer starts at STACK_TOP (0x200400, below the text), main's return value
 * becomes the exit code through `terminate` (0 = success, anything else = 1, like a Rust panic). */
#include "openvm.h"

int main(void);

__attribute__((naked, section(".text.start"))) void _start(void) {
  __asm__ volatile(
      "lui sp, %%hi(_stack_top)\n"
      "addi sp, sp, %%lo(_stack_top)\n"
      "call __start_c\n" ::: "memory");
}

__attribute__((used, noreturn)) void __start_c(void) {
  if (main() == 0) OPENVM_TERMINATE(0);
  OPENVM_TERMINATE(1);
  __builtin_unreachable();
}
