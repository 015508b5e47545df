// The one seeded PRNG (mulberry32) of memscope's own randomness: deterministic generators for tests,
// fuzzing, workloads and benchmarks (no global randomness anywhere). Generators that reproduce a guest's
// or a reference's own RNG (guest/io/stdRng.ts: Rust's StdRng; the C guests' LCG) are not ours to replace.
export class Random {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  /** Uniform u32. */
  u32(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }
  /** Uniform in [0, 1). */
  float(): number {
    return this.u32() / 4294967296;
  }
  /** Uniform integer in [0, n). */
  below(n: number): number {
    return Math.floor(this.float() * n);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.below(items.length)];
  }
  chance(p: number): boolean {
    return this.float() < p;
  }
}
