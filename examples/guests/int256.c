/* 256-bit integer arithmetic through OpenVM v1.7's BigInt (Int256) precompiles: custom-0 funct3 101
 * (R-type, funct7 0 add, 1 sub, 2 xor, 3 or, 4 and, 5 sll, 6 srl, 7 sra, 8 slt, 9 sltu, 10 mul; rd, rs1, rs2
 * hold pointers to 32-byte little-endian values) and funct3 110 (beq256, B-type). Every operand is read and
 * every result written as one 32-cell block: AccessAdapterAir<32> rows.
 * The computation (checked by src/engine/guest/extensions/exampleGuests.test.ts with BigInt, all mod 2^256):
 *   f = 60!                      (mul256, 59 times)
 *   g = (f >> 7) ^ (f << 3)      (srl256, sll256, xor256)
 *   h = f - g                    (sub256; negative as a signed value, since g > f)
 *   s = h >>a 100                (sra256: h is negative, so the sign fills in)
 *   r = ((s | 1) & (2^256 - 256)) + slt(h, f) + 2 sltu(h, f)   (or256, and256, slt256, sltu256, add256)
 *   eq = beq256(r, r) and !beq256(r, f)
 * Expected end state: exit 0; public values = r (32 bytes little-endian); console "int256 ok\n". */
#include "openvm.h"

typedef struct {
  uint32_t w[8];
} __attribute__((aligned(32))) u256;

#define INT256(f7, d, a, b) \
  __asm__ volatile(".insn r 0x0b, 5, " #f7 ", %0, %1, %2" ::"r"(d), "r"(a), "r"(b) : "memory")

static int beq256(const u256 *a, const u256 *b) {
  int eq;
  __asm__ volatile(
      "li %0, 1\n"
      ".insn b 0x0b, 6, %1, %2, 1f\n"
      "li %0, 0\n"
      "1:\n"
      : "=&r"(eq)
      : "r"(a), "r"(b)
      : "memory");
  return eq;
}

static u256 f, g, h, s, r, t, u, m, k, one, shift;

static void set_u32(u256 *x, uint32_t v) {
  for (int i = 0; i < 8; i++) x->w[i] = 0;
  x->w[0] = v;
}

int main(void) {
  set_u32(&f, 1);
  for (uint32_t i = 2; i <= 60; i++) {
    set_u32(&k, i);
    INT256(10, &f, &f, &k); /* f = f * i */
  }
  set_u32(&shift, 7);
  INT256(6, &t, &f, &shift); /* t = f >> 7 */
  set_u32(&shift, 3);
  INT256(5, &u, &f, &shift); /* u = f << 3 */
  INT256(2, &g, &t, &u);     /* g = t ^ u */
  INT256(1, &h, &f, &g);     /* h = f - g (negative: g > f) */
  set_u32(&shift, 100);
  INT256(7, &s, &h, &shift); /* s = h >>a 100 */
  set_u32(&one, 1);
  INT256(3, &r, &s, &one); /* r = s | 1 */
  for (int i = 0; i < 8; i++) m.w[i] = 0xffffffffu;
  m.w[0] = 0xffffff00u;
  INT256(4, &r, &r, &m);   /* r = r & (2^256 - 256) */
  INT256(8, &t, &h, &f);   /* t = slt(h, f) */
  INT256(0, &r, &r, &t);   /* r = r + t */
  INT256(9, &t, &h, &f);   /* t = sltu(h, f) */
  INT256(0, &r, &r, &t);   /* r = r + t */
  INT256(0, &r, &r, &t);   /* r = r + t */
  if (!beq256(&r, &r) || beq256(&r, &f)) return 1;
  for (uint32_t w = 0; w < 8; w++) reveal_u32(r.w[w], w);
  print_str("int256 ok\n");
  return 0;
}
