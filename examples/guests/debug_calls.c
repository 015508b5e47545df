/* Source-level debugging, part 2 (built -O1 -gdwarf-4): calls that stay calls (noinline), a helper the
 * compiler inlines (an inlined frame in the call stack), and a heap allocation (malloc'd node list, freed).
 * Builds a linked list of the first 10 triangular numbers on the heap, walks it, frees it.
 * Expected end state: exit 0, public words 0 = sum of T(1..10) = 220, 1 = 10 (nodes walked), 2 = 0 (live nodes). */
#include "openvm.h"

typedef struct Node {
  uint32_t value;
  struct Node *next;
} Node;

static uint32_t live_nodes;

/* Inlined into push (always_inline): the call stack shows it as an inlined frame. */
static inline __attribute__((always_inline)) uint32_t triangle(uint32_t n) { return n * (n + 1) / 2; }

__attribute__((noinline)) static Node *push(Node *head, uint32_t n) {
  Node *node = malloc(sizeof(Node));
  if (node == NULL) OPENVM_TERMINATE(1);
  node->value = triangle(n);
  node->next = head;
  live_nodes++;
  return node;
}

__attribute__((noinline)) static uint32_t walk(const Node *head, uint32_t *count) {
  uint32_t total = 0;
  for (const Node *n = head; n != NULL; n = n->next) {
    total += n->value;
    *count += 1;
  }
  return total;
}

__attribute__((noinline)) static void release(Node *head) {
  while (head != NULL) {
    Node *next = head->next;
    free(head);
    live_nodes--;
    head = next;
  }
}

int main(void) {
  Node *list = NULL;
  for (uint32_t n = 1; n <= 10; n++) list = push(list, n);
  uint32_t count = 0;
  uint32_t total = walk(list, &count);
  release(list);
  reveal_u32(total, 0);
  reveal_u32(count, 1);
  reveal_u32(live_nodes, 2);
  return 0;
}
