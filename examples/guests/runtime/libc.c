/* The libc subset the examples need (the compiler may call memset/memcpy on its own), and printing. */
#include "openvm.h"

void *memset(void *dst, int c, size_t n) {
  uint8_t *d = dst;
  while (n--) *d++ = (uint8_t)c;
  return dst;
}

void *memcpy(void *dst, const void *src, size_t n) {
  uint8_t *d = dst;
  const uint8_t *s = src;
  while (n--) *d++ = *s++;
  return dst;
}

void *memmove(void *dst, const void *src, size_t n) {
  uint8_t *d = dst;
  const uint8_t *s = src;
  if (d < s) {
    while (n--) *d++ = *s++;
  } else {
    while (n--) d[n] = s[n];
  }
  return dst;
}

int memcmp(const void *a, const void *b, size_t n) {
  const uint8_t *x = a, *y = b;
  for (; n; n--, x++, y++)
    if (*x != *y) return *x - *y;
  return 0;
}

size_t strlen(const char *s) {
  size_t n = 0;
  while (s[n]) n++;
  return n;
}

void print_str(const char *s) { print_bytes(s, strlen(s)); }

void print_u32(uint32_t x) {
  char buf[11];
  int i = 10;
  buf[i] = 0;
  do {
    buf[--i] = (char)('0' + x % 10);
    x /= 10;
  } while (x);
  print_bytes(buf + i, 10 - i);
}

void print_hex(uint32_t x) {
  char buf[10] = "0x";
  for (int i = 0; i < 8; i++) buf[2 + i] = "0123456789abcdef"[(x >> (28 - 4 * i)) & 15];
  print_bytes(buf, 10);
}

uint32_t read_input(uint8_t **out) {
  uint32_t len;
  hint_input();
  hint_store_u32(&len);
  uint32_t words = (len + 3) / 4;
  uint8_t *buf = malloc(words * 4 + 4);
  if (words) hint_buffer(buf, words);
  *out = buf;
  return len;
}
