/* OpenVM v1.7 guest intrinsics for C (custom-0 opcode 0x0B, as in extensions/rv32im/guest/src/io.rs),
 * written with the assembler's .insn directive, plus the small libc subset the examples use.
 * Memory map (crates/toolchain/platform/src/memory.rs): text at 0x200800, stack below 0x200400 growing
 * down, heap from _end upwards (see link.ld). */
#ifndef OPENVM_H
#define OPENVM_H

typedef unsigned int uint32_t;
typedef int int32_t;
typedef unsigned short uint16_t;
typedef short int16_t;
typedef unsigned char uint8_t;
typedef signed char int8_t;
typedef unsigned long long uint64_t;
typedef unsigned int size_t;
#define NULL ((void *)0)

/* terminate with an exit code (an immediate: 0 = success, 1 = panic). */
#define OPENVM_TERMINATE(code) __asm__ volatile(".insn i 0x0b, 0, x0, x0, " #code)

/* Pop the next input vector; the hint stream becomes its length (4 LE bytes) then its bytes. */
static inline void hint_input(void) { __asm__ volatile(".insn i 0x0b, 3, x0, x0, 0"); }
/* Store the next 4 hint bytes at ptr (4-aligned). */
static inline void hint_store_u32(void *ptr) { __asm__ volatile(".insn i 0x0b, 1, %0, x0, 0" ::"r"(ptr) : "memory"); }
/* Store the next 4*words hint bytes at ptr (4-aligned, words != 0). */
static inline void hint_buffer(void *ptr, uint32_t words) {
  __asm__ volatile(".insn i 0x0b, 1, %0, %1, 1" ::"r"(ptr), "r"(words) : "memory");
}
/* Reset the hint stream to 4*words random bytes. */
static inline void hint_random(uint32_t words) { __asm__ volatile(".insn i 0x0b, 3, %0, x0, 2" ::"r"(words)); }
/* Print len bytes of UTF-8 at ptr on the host console. */
static inline void print_bytes(const char *ptr, uint32_t len) {
  __asm__ volatile(".insn i 0x0b, 3, %0, %1, 1" ::"r"(ptr), "r"(len) : "memory");
}
/* Public value word `index` (bytes 4*index .. 4*index+3 of the user IO space) := x. */
static inline void reveal_u32(uint32_t x, uint32_t index) {
  __asm__ volatile(".insn i 0x0b, 2, %0, %1, 0" ::"r"(index * 4), "r"(x) : "memory");
}

void *memset(void *dst, int c, size_t n);
void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);

void *malloc(size_t size);
void *calloc(size_t count, size_t size);
void *realloc(void *ptr, size_t size);
void free(void *ptr);

void print_str(const char *s);
void print_u32(uint32_t x);
void print_hex(uint32_t x);
/* Reads the next input vector (hint_input) into a fresh malloc'd buffer; returns its length in bytes. */
uint32_t read_input(uint8_t **out);

#endif
