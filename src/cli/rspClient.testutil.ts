// Test-only: a minimal GDB remote client over TCP — raw writes, and packets with their replies decoded by
// the protocol layer — for driving `memscope gdbserver` the way gdb (or a broken client) would.
import { connect, type Socket } from 'node:net';
import { frame, RspDecoder, type RspEvent } from '../engine/gdb/rspPackets';

export class RspClient {
  private readonly events: RspEvent[] = [];
  private waiters: (() => void)[] = [];
  closed = false;

  private constructor(readonly socket: Socket) {
    const decoder = new RspDecoder();
    socket.on('data', (chunk: Buffer) => {
      this.events.push(...decoder.push(chunk));
      this.wake();
    });
    socket.on('close', () => {
      this.closed = true;
      this.wake();
    });
    socket.on('error', () => {});
  }

  private wake(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }

  static open(port: number): Promise<RspClient> {
    return new Promise((resolve, reject) => {
      const s = connect(port, '127.0.0.1', () => resolve(new RspClient(s)));
      s.once('error', reject);
    });
  }

  raw(text: string): void {
    this.socket.write(text, 'latin1');
  }

  /** The next event (waits up to `ms`). */
  async next(ms = 10_000): Promise<RspEvent | 'closed'> {
    const deadline = Date.now() + ms;
    while (this.events.length === 0) {
      if (this.closed) return 'closed';
      if (Date.now() > deadline) throw new Error('timed out waiting for the server');
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
    return this.events.shift()!;
  }

  /** The next packet, skipping acks. */
  async packet(ms?: number): Promise<string> {
    for (;;) {
      const e = await this.next(ms);
      if (e === 'closed') throw new Error('the server closed the connection');
      if (e.kind === 'packet') return e.data;
      if (e.kind !== 'ack') throw new Error(`unexpected ${e.kind}`);
    }
  }

  /** Sends a packet (acking the reply) and returns the reply. */
  async ask(data: string): Promise<string> {
    this.raw(frame(data));
    const reply = await this.packet();
    this.raw('+');
    return reply;
  }

  close(): void {
    this.socket.destroy();
  }
}
