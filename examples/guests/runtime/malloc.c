/* A small first-fit allocator over the heap that starts at _end (OpenVM's heap start), with 8-byte block
 * headers, splitting and coalescing of the next free block: simple enough to read in the memory view,
 * real enough to show a guest's own heap use (and to be interposed by memscope's allocator views). */
#include "openvm.h"

extern char _end[];

typedef struct Block {
  uint32_t size; /* payload bytes, multiple of 8 */
  uint32_t free; /* 1 if free */
} Block;

#define HEADER ((uint32_t)sizeof(Block))
#define HEAP_LIMIT 0x10000000u

static char *heap_top; /* first byte never handed out */

static Block *next_block(Block *b) { return (Block *)((char *)(b + 1) + b->size); }

void *malloc(size_t size) {
  if (heap_top == 0) heap_top = (char *)(((uint32_t)_end + 7) & ~7u);
  size = (size + 7) & ~7u;
  if (size == 0) size = 8;
  for (Block *b = (Block *)(((uint32_t)_end + 7) & ~7u); (char *)b < heap_top; b = next_block(b)) {
    if (!b->free) continue;
    /* merge following free blocks first */
    while ((char *)next_block(b) < heap_top && next_block(b)->free) b->size += HEADER + next_block(b)->size;
    if (b->size >= size) {
      if (b->size >= size + HEADER + 8) {
        Block *rest = (Block *)((char *)(b + 1) + size);
        rest->size = b->size - size - HEADER;
        rest->free = 1;
        b->size = size;
      }
      b->free = 0;
      return b + 1;
    }
  }
  if ((uint32_t)heap_top + HEADER + size > HEAP_LIMIT) return NULL;
  Block *b = (Block *)heap_top;
  b->size = size;
  b->free = 0;
  heap_top = (char *)(b + 1) + size;
  return b + 1;
}

void free(void *ptr) {
  if (ptr) ((Block *)ptr - 1)->free = 1;
}

void *calloc(size_t count, size_t size) {
  void *p = malloc(count * size);
  if (p) memset(p, 0, count * size);
  return p;
}

void *realloc(void *ptr, size_t size) {
  if (!ptr) return malloc(size);
  Block *b = (Block *)ptr - 1;
  if (b->size >= size) return ptr;
  void *q = malloc(size);
  if (q) {
    memcpy(q, ptr, b->size);
    free(ptr);
  }
  return q;
}
