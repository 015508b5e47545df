// Progress of a long run on stderr, only when stderr is a terminal (`CliIO.progress` is set): one line
// rewritten in place (`\r`, erase to end of line) at most every `intervalMs`, erased when the run ends, so
// a terminal shows where a `--format trace` run is while its stdout goes to a file or a pipe; a stderr
// that is a file or a pipe gets nothing. Cost: one counter test per step; the clock is read every
// `CHECK_EVERY` steps.
import type { CliIO } from './io';

const CHECK_EVERY = 4096;

export class ProgressLine {
  private steps = 0;
  private readonly started: number;
  private nextAt: number;
  private shown = false;

  constructor(
    private readonly io: CliIO,
    private readonly label: string,
    private readonly intervalMs = 500,
  ) {
    this.started = this.now();
    this.nextAt = this.started + intervalMs;
  }

  private now(): number {
    return (this.io.now ?? performance.now.bind(performance))();
  }

  /** Counts one step; `instructions` is the run's total so far (shown with the rate). */
  step(instructions: number): void {
    if (this.io.progress === undefined || (++this.steps & (CHECK_EVERY - 1)) !== 0) return;
    const t = this.now();
    if (t < this.nextAt) return;
    this.nextAt = t + this.intervalMs;
    const seconds = (t - this.started) / 1000;
    const rate = seconds > 0 ? Math.round(instructions / seconds) : 0;
    this.io.progress(
      `${this.label}: ${instructions.toLocaleString('en-US')} instructions, ${rate.toLocaleString('en-US')}/s`,
    );
    this.shown = true;
  }

  /** Erases the line (if one was shown) before the final messages. */
  done(): void {
    if (this.shown) this.io.progress?.('');
    this.shown = false;
  }
}
