// While scrubbing, the UI may ask for many timestamps faster than the engine answers. Only one seek is in
// flight at a time; requests made meanwhile collapse to the latest, which is sent when the current one
// returns (and only if it differs from what was just shown). Nothing waits behind stale positions.

export class SeekCoalescer<R> {
  private inFlight = false;
  private latest: number | null = null;

  constructor(
    private readonly seek: (t: number) => Promise<R>,
    private readonly show: (result: R, t: number) => void,
    private readonly fail: (e: unknown) => void = () => {},
  ) {}

  request(t: number): void {
    this.latest = t;
    if (!this.inFlight) void this.pump();
  }

  get busy(): boolean {
    return this.inFlight;
  }

  /** A newer request is waiting behind the one in flight. */
  get pending(): boolean {
    return this.latest !== null;
  }

  private async pump(): Promise<void> {
    while (this.latest !== null) {
      const t = this.latest;
      this.latest = null;
      this.inFlight = true;
      try {
        this.show(await this.seek(t), t);
      } catch (e) {
        this.fail(e);
      } finally {
        this.inFlight = false;
      }
    }
  }
}
