// The TCP side of `memscope gdbserver`: one GDB remote connection at a time on 127.0.0.1, packets framed
// and acknowledged by the pure protocol layer (src/engine/gdb/rspPackets.ts) and answered by the target
// (src/engine/gdb/gdbTarget.ts). Resumptions run in chunks with the event loop turning in between, so a
// Ctrl-C (0x03) interrupts a long `continue` and a client that disconnects mid-run stops it.
// Invariants: nothing a client sends can crash the server (bad checksums get `-`, overlong packets are
// dropped, an internal error becomes an `E.` reply and a log line); when a client goes away the server
// keeps listening and the next connection sees the run where the last one left it (breakpoints and
// watchpoints are per connection); a second client while one is connected is told so and closed.

import { createServer, type Server, type Socket } from 'node:net';
import type { GdbTarget, Resume } from '../engine/gdb/gdbTarget';
import { frame, RspDecoder, toHex, utf8Binary } from '../engine/gdb/rspPackets';

const MAX_CHUNK = 1 << 22;

export interface GdbServerOptions {
  /** 0 picks a free port. */
  port: number;
  /** Steps of the first chunk of a resumption (between two looks at the socket); later ones adapt. */
  chunkSteps?: number;
  /** Diagnostics (one line each): connections, protocol errors, internal errors. */
  log?: (line: string) => void;
  /** Every packet in and out, for --verbose. */
  trace?: (line: string) => void;
}

export class GdbServer {
  private readonly server: Server;
  private active: Socket | null = null;
  /** Connections accepted and served so far (finished or not). */
  connections = 0;
  private readonly log: (line: string) => void;

  constructor(
    private readonly target: GdbTarget,
    private readonly options: GdbServerOptions,
  ) {
    this.log = options.log ?? (() => {});
    this.server = createServer((socket) => this.serve(socket));
    this.server.on('error', (e) => this.log(`server error: ${e.message}`));
  }

  /** Starts listening on 127.0.0.1 only; resolves with the port. */
  listen(): Promise<number> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.options.port, '127.0.0.1', () => {
        this.server.off('error', reject);
        const address = this.server.address();
        resolve(typeof address === 'object' && address !== null ? address.port : this.options.port);
      });
    });
  }

  close(): Promise<void> {
    this.active?.destroy();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  /** Resolves when the current client (if any) has gone. */
  onIdle(): Promise<void> {
    const s = this.active;
    if (s === null) return Promise.resolve();
    return new Promise((resolve) => s.once('close', () => resolve()));
  }

  private serve(socket: Socket): void {
    socket.on('error', (e) => this.log(`connection error: ${e.message}`));
    if (this.active !== null) {
      this.log('refused a second client: one connection at a time');
      socket.end(
        frame(`O${toHex(utf8Binary('memscope gdbserver: another client is connected\n'))}`),
        'latin1',
      );
      return;
    }
    this.active = socket;
    this.connections++;
    this.target.reset();
    this.log(`client connected from ${socket.remoteAddress}:${socket.remotePort}`);
    const trace = this.options.trace;
    const decoder = new RspDecoder();
    let ack = true;
    let closed = false;
    let running = false;
    let interrupt = false;
    let last = '';
    const send = (data: string) => {
      if (closed) return;
      last = frame(data);
      trace?.(`<- ${data.length > 200 ? `${data.slice(0, 200)}...` : data}`);
      socket.write(last, 'latin1');
    };
    const run = async (r: Resume) => {
      running = true;
      interrupt = false;
      let budget = this.options.chunkSteps ?? 4096;
      try {
        for (let first = true; ; first = false) {
          if (closed) return;
          if (interrupt) {
            for (const p of this.target.interrupted()) send(p);
            return;
          }
          const began = performance.now();
          const out = this.target.resume(r, first, budget);
          if (out !== null) {
            for (const p of out) send(p);
            return;
          }
          // Chunks of about 10-40 ms: interrupts are answered quickly, long runs are not slowed down.
          const took = performance.now() - began;
          if (took < 10) budget = Math.min(budget * 2, MAX_CHUNK);
          else if (took > 40) budget = Math.max(64, Math.floor(budget / 2));
          await new Promise((resolve) => setImmediate(resolve));
        }
      } catch (e) {
        this.log(`internal error while running: ${(e as Error).stack ?? String(e)}`);
        send(`E.memscope internal error: ${(e as Error).message}`);
      } finally {
        running = false;
      }
    };
    socket.on('data', (chunk: Buffer) => {
      for (const ev of decoder.push(chunk)) {
        if (ev.kind === 'interrupt') {
          trace?.('-> ^C');
          if (running) interrupt = true;
        } else if (ev.kind === 'nack') {
          if (last !== '' && !closed) socket.write(last, 'latin1');
        } else if (ev.kind === 'bad-checksum') {
          this.log(
            `packet with a bad checksum (${ev.got}, expected ${ev.expected.toString(16).padStart(2, '0')}): ${ev.data.slice(0, 80)}`,
          );
          if (ack && !closed) socket.write('-');
        } else if (ev.kind === 'too-long') {
          this.log('dropped a packet longer than the protocol limit');
          if (ack && !closed) socket.write('-');
        } else if (ev.kind === 'packet') {
          trace?.(`-> ${ev.data.length > 200 ? `${ev.data.slice(0, 200)}...` : ev.data}`);
          if (ack && !closed) socket.write('+');
          if (running) {
            this.log(`ignored a packet while running: ${ev.data.slice(0, 40)}`);
            continue;
          }
          let handled;
          try {
            handled = this.target.handle(ev.data);
          } catch (e) {
            this.log(`internal error on \`${ev.data.slice(0, 40)}\`: ${(e as Error).stack ?? String(e)}`);
            send(`E.memscope internal error: ${(e as Error).message}`);
            continue;
          }
          if (handled.reply !== null) send(handled.reply);
          if (handled.noAck === true) ack = false;
          if (handled.close === true) socket.end();
          if (handled.resume !== undefined) void run(handled.resume);
        }
      }
    });
    socket.on('close', () => {
      closed = true;
      if (this.active === socket) this.active = null;
      this.log(running ? 'client disconnected during a run (stopped)' : 'client disconnected');
    });
  }
}
