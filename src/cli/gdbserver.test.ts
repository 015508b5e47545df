// The TCP server of `memscope gdbserver` with a raw protocol client: acks and naks, malformed packets and
// wrong checksums, an interrupt during a long continue, a client disconnecting mid-run, a second client
// while one is connected — after each the server answers correctly and serves the next connection.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { GdbTarget } from '../engine/gdb/gdbTarget';
import { EXAMPLES } from '../engine/guest/fixtures.testutil';
import { Session } from '../engine/session';
import { GdbServer } from './gdbserver';
import { captureIO } from './io';
import { runCli } from './main';
import { RspClient } from './rspClient.testutil';

const matmul = new Uint8Array(readFileSync(path.join(EXAMPLES, 'matmul.elf')));
let server: GdbServer | null = null;
const logs: string[] = [];

async function start(chunkSteps = 1 << 18) {
  const target = new GdbTarget(Session.open('guest', matmul));
  server = new GdbServer(target, { port: 0, chunkSteps, log: (l) => logs.push(l) });
  return { target, port: await server.listen() };
}

afterEach(async () => {
  await server?.close();
  server = null;
});

describe('memscope gdbserver over TCP', () => {
  it('acks packets, naks wrong checksums, survives garbage, and switches to no-ack mode', async () => {
    const { port } = await start();
    const c = await RspClient.open(port);
    c.raw('$g#00'); // wrong checksum
    expect(await c.next()).toEqual({ kind: 'nack' });
    c.raw('garbage+-\x00\xff$qC#zz'); // noise, then a packet with non-hex checksum digits
    expect(await c.next()).toEqual({ kind: 'nack' });
    c.raw(`$${'x'.repeat(70_000)}#00`); // longer than the protocol limit
    expect(await c.next()).toEqual({ kind: 'nack' });
    expect(await c.ask('qC')).toBe('QC1');
    expect(await c.ask('mnonsense')).toBe('E01');
    expect(await c.ask('M200800,4:00000000')).toMatch(/^E\.memscope replays a recording/);
    expect(await c.ask('QStartNoAckMode')).toBe('OK');
    c.raw('$g#00'); // no-ack mode: ignored, no nak
    c.raw('$qC#b4');
    expect(await c.next()).toEqual({ kind: 'packet', data: 'QC1' });
    c.close();
    expect(logs.some((l) => l.startsWith('packet with a bad checksum'))).toBe(true);
  });

  it('an interrupt stops a long continue with SIGINT; a disconnect mid-run leaves the server serving the next client', async () => {
    const { target, port } = await start(64); // tiny chunks: the run takes many turns of the event loop
    const a = await RspClient.open(port);
    a.raw('$c#63');
    expect(await a.next()).toEqual({ kind: 'ack' });
    a.raw('\x03');
    const stop = await a.packet();
    expect(stop).toBe('T02thread:1;');
    const stepAfterInterrupt = target.session.position().step;
    expect(stepAfterInterrupt).toBeGreaterThan(0);
    // A second client while the first is connected is told so and closed.
    const intruder = await RspClient.open(port);
    const told = await intruder.next();
    expect(told !== 'closed' && told.kind === 'packet' && told.data.startsWith('O')).toBe(true);
    expect(await intruder.next()).toBe('closed');
    // Continue again and vanish mid-run.
    a.raw('$c#63');
    await a.next();
    a.close();
    await new Promise((r) => setTimeout(r, 200));
    expect(logs).toContain('client disconnected during a run (stopped)');
    const b = await RspClient.open(port);
    expect(await b.ask('?')).toBe('T05thread:1;');
    expect(await b.ask('g')).toMatch(/^[0-9a-f]{264}$/);
    expect(target.session.info().end).toBeNull(); // the abandoned run stopped short of the end
    const end = await b.ask('c');
    expect(end.startsWith('O')).toBe(true);
    expect(await b.packet()).toBe('T05replaylog:end;thread:1;');
    expect(await b.ask('bc')).toBe('T05replaylog:begin;thread:1;');
    expect(server!.connections).toBe(2);
    b.raw('$D#44');
    expect(await b.packet()).toBe('OK');
    expect(await b.next()).toBe('closed');
  });
});

describe('memscope gdbserver command line', () => {
  it('rejects bad usage (exit 1) and bad programs (exit 2); --once serves one client on port 0, then exits 0', async () => {
    const run = async (args: string[], files: Record<string, Uint8Array | string> = {}) => {
      const io = captureIO(files);
      return { code: await runCli(args, io), io };
    };
    expect((await run(['gdbserver'])).code).toBe(1);
    expect((await run(['gdbserver', 'a.elf', '--port', 'x'])).io.stderr).toMatch(/bad --port/);
    expect((await run(['gdbserver', 'a.elf', '--frobnicate'])).code).toBe(1);
    const bad = await run(['gdbserver', 'bad.elf', '--port', '0'], { 'bad.elf': 'not an elf' });
    expect(bad.code).toBe(2);
    expect(bad.io.stderr).toMatch(/^error: bad\.elf: Elf parse error/);
    const io = captureIO();
    const done = runCli(['gdbserver', path.join(EXAMPLES, 'matmul.elf'), '--port', '0', '--once'], io);
    let port = 0;
    for (let i = 0; i < 200 && port === 0; i++) {
      await new Promise((r) => setTimeout(r, 25));
      port = Number(/127\.0\.0\.1:(\d+)/.exec(io.stderr)?.[1] ?? 0);
    }
    expect(port).toBeGreaterThan(0);
    const c = await RspClient.open(port);
    expect(await c.ask('qSupported')).toMatch(/ReverseContinue\+/);
    c.raw('$k#6b');
    expect(await c.next()).toEqual({ kind: 'ack' });
    expect(await done).toBe(0);
  });
});
