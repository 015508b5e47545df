// Key repeats: a held → (or s, b, n) sends presses faster than the engine answers a step. Presses that
// arrive while a step is being carried out are queued — up to MAX_QUEUED_MOVES, so that letting go of the
// key stops the program within a bounded number of steps — and carried out in order, one after the other.
// Anything else (a Run, a seek, opening a program, an error) drops the queue.
import type { ControlAction } from '../shortcuts';

/** The actions that queue while one of them is being carried out. */
export const REPEATABLE: readonly ControlAction[] = ['step', 'stepBack', 'stepOver'];

/** At most this many presses wait behind the step in progress (about one second of key repeat). */
export const MAX_QUEUED_MOVES = 32;

export class MoveQueue {
  private readonly waiting: ControlAction[] = [];

  /** Queues a press; false when the queue is full (the press is dropped). */
  push(a: ControlAction): boolean {
    if (this.waiting.length >= MAX_QUEUED_MOVES) return false;
    this.waiting.push(a);
    return true;
  }

  /** The next press to carry out, if any. */
  shift(): ControlAction | undefined {
    return this.waiting.shift();
  }

  clear(): void {
    this.waiting.length = 0;
  }

  get size(): number {
    return this.waiting.length;
  }
}
