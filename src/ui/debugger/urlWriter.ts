// URL writes, throttled: at most one per interval, and the last state asked for is always written (a
// trailing write), so scrubbing does not rewrite the URL on every frame. A failed write (browsers limit
// history updates, and refuse some URLs) is kept in `lastError` and never reaches the user's error banner.

export interface Timers {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
}

const realTimers: Timers = { now: () => Date.now(), setTimeout: (fn, ms) => setTimeout(fn, ms) };

export class ThrottledUrlWriter {
  private latest: string | null = null;
  private lastWrite = -Infinity;
  private scheduled = false;
  lastError: unknown = null;
  writes = 0;

  constructor(
    private readonly write: (search: string) => void,
    private readonly intervalMs = 200,
    private readonly timers: Timers = realTimers,
  ) {}

  request(search: string): void {
    this.latest = search;
    if (this.scheduled) return;
    const wait = this.lastWrite + this.intervalMs - this.timers.now();
    if (wait <= 0) this.flush();
    else {
      this.scheduled = true;
      this.timers.setTimeout(() => {
        this.scheduled = false;
        this.flush();
      }, wait);
    }
  }

  /** Writes the latest state now (if any is waiting). */
  flush(): void {
    if (this.latest === null) return;
    const search = this.latest;
    this.latest = null;
    this.lastWrite = this.timers.now();
    try {
      this.write(search);
      this.writes++;
    } catch (e) {
      this.lastError = e;
    }
  }
}
