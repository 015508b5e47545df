/* A malloc/free-heavy program for the allocator views: a chained hash map of string keys, with inserts,
 * lookups, deletes (free) and a resize (realloc of the bucket array), then everything freed.
 * Expected end state: exit 0; public values word 0 = number of live entries after the deletes (300),
 * word 1 = checksum of the values found, word 2 = 0 (every allocation freed at the end). */
#include "openvm.h"

typedef struct Entry {
  char *key;
  uint32_t value;
  struct Entry *next;
} Entry;

typedef struct {
  Entry **buckets;
  uint32_t nbuckets;
  uint32_t count;
} Map;

static uint32_t live_allocations;

static void *xmalloc(size_t n) {
  void *p = malloc(n);
  if (!p) OPENVM_TERMINATE(1);
  live_allocations++;
  return p;
}
static void xfree(void *p) {
  free(p);
  live_allocations--;
}

static uint32_t hash(const char *s) {
  uint32_t h = 2166136261u;
  while (*s) h = (h ^ (uint8_t)*s++) * 16777619u;
  return h;
}

static char *key_for(uint32_t i) {
  char tmp[16];
  int n = 0;
  tmp[n++] = 'k';
  do {
    tmp[n++] = (char)('0' + i % 10);
    i /= 10;
  } while (i);
  char *k = xmalloc((size_t)n + 1);
  memcpy(k, tmp, (size_t)n);
  k[n] = 0;
  return k;
}

static void resize(Map *m) {
  uint32_t old = m->nbuckets;
  Entry **ob = m->buckets;
  m->nbuckets = old * 2;
  m->buckets = calloc(m->nbuckets, sizeof(Entry *));
  live_allocations++;
  for (uint32_t b = 0; b < old; b++) {
    for (Entry *e = ob[b]; e;) {
      Entry *next = e->next;
      uint32_t nb = hash(e->key) & (m->nbuckets - 1);
      e->next = m->buckets[nb];
      m->buckets[nb] = e;
      e = next;
    }
  }
  xfree(ob);
}

static void insert(Map *m, uint32_t i, uint32_t value) {
  if (m->count * 4 >= m->nbuckets * 3) resize(m);
  Entry *e = xmalloc(sizeof(Entry));
  e->key = key_for(i);
  e->value = value;
  uint32_t b = hash(e->key) & (m->nbuckets - 1);
  e->next = m->buckets[b];
  m->buckets[b] = e;
  m->count++;
}

static Entry *find(Map *m, const char *key) {
  for (Entry *e = m->buckets[hash(key) & (m->nbuckets - 1)]; e; e = e->next)
    if (strlen(e->key) == strlen(key) && memcmp(e->key, key, strlen(key)) == 0) return e;
  return NULL;
}

static int erase(Map *m, const char *key) {
  Entry **link = &m->buckets[hash(key) & (m->nbuckets - 1)];
  for (Entry *e = *link; e; link = &e->next, e = e->next) {
    if (strlen(e->key) == strlen(key) && memcmp(e->key, key, strlen(key)) == 0) {
      *link = e->next;
      xfree(e->key);
      xfree(e);
      m->count--;
      return 1;
    }
  }
  return 0;
}

int main(void) {
  Map m = {0, 8, 0};
  m.buckets = calloc(m.nbuckets, sizeof(Entry *));
  live_allocations++;
  for (uint32_t i = 0; i < 600; i++) insert(&m, i, i * i + 7);
  for (uint32_t i = 0; i < 600; i += 2) {
    char *k = key_for(i);
    if (!erase(&m, k)) return 1;
    xfree(k);
  }
  uint32_t checksum = 0;
  for (uint32_t i = 0; i < 600; i++) {
    char *k = key_for(i);
    Entry *e = find(&m, k);
    if ((e != NULL) != (i % 2 == 1)) return 1;
    if (e) checksum = checksum * 33 + e->value;
    xfree(k);
  }
  reveal_u32(m.count, 0);
  reveal_u32(checksum, 1);
  for (uint32_t b = 0; b < m.nbuckets; b++) {
    for (Entry *e = m.buckets[b]; e;) {
      Entry *next = e->next;
      xfree(e->key);
      xfree(e);
      e = next;
    }
  }
  xfree(m.buckets);
  reveal_u32(live_allocations, 2);
  print_str("hashmap: 600 inserts, 300 deletes, 600 lookups\n");
  return 0;
}
