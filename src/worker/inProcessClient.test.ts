import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { captureIO } from '../cli/io';
import { runCli } from '../cli/main';
import type { FrameRequest } from '../engine/views/frameTypes';
import { InProcessClient } from './inProcessClient';
import { EngineClientError, type EngineResponse, PROTOCOL_VERSION } from './protocol';
import { SessionHost } from './sessionHost';

const example = (name: string) => resolve(__dirname, '../../public/examples', name);
const view: FrameRequest = {
  lanes: [{ addressSpace: 2, start: 0, end: 64, buckets: 16, detail: { addr: 0, len: 32 } }],
  selection: { addressSpace: 2, pointer: 8 },
};

/** A fresh client with one of the public examples opened as a guest; returns the client and the open answer. */
async function openGuest(name: string) {
  const client = new InProcessClient();
  const opened = await client.request('open', {
    kind: 'guest',
    name,
    bytes: readFileSync(example(name)),
    options: {},
    view: { lanes: [] },
  });
  return { client, opened };
}

/** Run to end without breakpoints. */
const runToEnd = { breakpoints: [], watchpoints: [], toEnd: true, view: { lanes: [] } };

describe('EngineClient (in-process transport)', () => {
  it('runs an example script with the same accesses and records as the CLI', async () => {
    const client = new InProcessClient();
    const run = await client.request('runMtrace', {
      name: 'split.mtrace',
      bytes: readFileSync(example('split.mtrace')),
    });
    const io = captureIO();
    expect(await runCli(['run', example('split.mtrace')], io)).toBe(0);
    const cli = io.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const accesses = cli.filter((l) => l.op !== 'finalize');
    expect(run.accesses.map((a) => [a.line, a.timestamp, a.tPrev, a.records.length])).toEqual(
      accesses.map((l) => [l.i, l.t, l.t_prev, l.records.length]),
    );
  });

  it('opens a session, steps, and each frame shows the records of the step that led there', async () => {
    const client = new InProcessClient();
    const bytes = readFileSync(example('split.mtrace'));
    const opened = await client.request('open', {
      kind: 'mtrace',
      name: 'split.mtrace',
      bytes,
      options: {},
      view,
    });
    let frame = opened.frame;
    expect(opened.program).toEqual({ kind: 'script', text: new TextDecoder().decode(bytes) });
    expect(frame.position.step).toBe(0);
    expect(frame.step).toBeNull();
    frame = await client.request('control', { control: { op: 'step' }, view });
    expect(frame.position.timestamp).toBe(2);
    expect(frame.step?.records.map((r) => `${r.kind} ${r.pointer} ${r.blockSize}`)).toEqual([
      'split 0 8',
      'split 8 8',
      'merge 0 16',
    ]);
    expect(frame.step?.explanations.map((e) => e.cause)).toEqual([
      'first-touch-split',
      'first-touch-split',
      'access-merge',
    ]);
    expect(frame.step?.accesses).toHaveLength(1);
    expect(frame.lanes[0].detail?.values[0]).toBe(1);
    expect(frame.block?.blockStart).toBe(0);
    expect(frame.block?.blockSize).toBe(16);
    frame = await client.request('control', { control: { op: 'step' }, view });
    expect(frame.step?.explanations[0].cause).toBe('existing-block-split');
    frame = await client.request('control', { control: { op: 'stepBack' }, view });
    expect(frame.position.timestamp).toBe(2);
    expect(frame.block?.blockSize).toBe(16);
    expect(frame.program).toMatchObject({ kind: 'script', lastLine: 7, nextLine: 8 });
  });

  it('runs a guest to its end with progress, and the frame shows registers and console', async () => {
    const { client } = await openGuest('hello.elf');
    const frame = await client.request('run', runToEnd);
    expect(frame.stop).toBe('end');
    expect(frame.position.status).toBe('done');
    expect(frame.program?.kind === 'guest' && frame.program.console).toBe('Hello, OpenVM!\n');
    expect(frame.program?.kind === 'guest' && frame.program.exitCode).toBe(0);
  });

  it('highlights the registers the last step wrote, also after a refresh', async () => {
    const { client } = await openGuest('hello.elf');
    let frame = await client.request('control', { control: { op: 'step' }, view: { lanes: [] } }); // lui sp, ...
    const written = frame.step?.accesses
      .filter((a) => a.write && a.addressSpace === 1)
      .map((a) => a.pointer / 4);
    expect(written?.length).toBe(1);
    expect(frame.program?.kind === 'guest' && frame.program.changed).toEqual(written);
    frame = await client.request('frame', {
      view: { lanes: [], selection: { addressSpace: 2, pointer: 0 } },
    });
    expect(frame.program?.kind === 'guest' && frame.program.changed).toEqual(written);
  });

  it('reports progress during a long run (every 200,000 steps), then the final frame', async () => {
    const { client } = await openGuest('hashmap.elf');
    const progress: number[] = [];
    const frame = await client.request('run', runToEnd, {
      onProgress: (p) => progress.push(p.step),
    });
    expect(progress.length).toBeGreaterThan(0);
    expect(progress).toEqual(progress.map((_, i) => (i + 1) * 200_000)); // one per chunk, in order
    expect(frame.position.step).toBeGreaterThan(progress.at(-1)!);
    expect(frame.stop).toBe('end');
  });

  it('answers requests in arrival order: a request sent during a run waits for it (issue 13 defect 1)', async () => {
    const { client } = await openGuest('hashmap.elf');
    const run = client.request('run', runToEnd);
    const during = client.request('control', { control: { op: 'step' }, view: { lanes: [] } });
    const ended = await run;
    expect(ended.stop).toBe('end');
    // The step ran after the run ended (at the end: nothing to step), not in the middle of it.
    expect((await during).position.step).toBe(ended.position.step);
  });

  it('a second Run to end on a recorded run is a seek: no replay, no progress (issue 13 defect 1)', async () => {
    const { client } = await openGuest('hashmap.elf');
    const first = await client.request('run', runToEnd);
    await client.request('control', { control: { op: 'reset' }, view: { lanes: [] } });
    const progress: number[] = [];
    const started = performance.now();
    const again = await client.request('run', runToEnd, {
      onProgress: (p) => progress.push(p.step),
    });
    const ms = performance.now() - started;
    expect(progress).toEqual([]);
    expect(again.stop).toBe('end');
    expect(again.position).toEqual(first.position);
    expect(ms).toBeLessThan(200); // replaying the ~1 M steps took seconds
    // Run without breakpoints from the start is the same seek.
    await client.request('control', { control: { op: 'reset' }, view: { lanes: [] } });
    expect(
      (await client.request('run', { breakpoints: [], watchpoints: [], toEnd: false, view: { lanes: [] } }))
        .position,
    ).toEqual(first.position);
  });

  it('stops at a breakpoint', async () => {
    const { client, opened: first } = await openGuest('hello.elf');
    const main =
      first.program?.kind === 'guest' ? first.program.symbols.find((s) => s.name === 'main') : undefined;
    expect(first.frame.program).not.toHaveProperty('symbols'); // sent once, with open
    expect(main).toBeDefined();
    const frame = await client.request('run', {
      breakpoints: [{ pc: main!.address }],
      watchpoints: [],
      toEnd: false,
      view: { lanes: [] },
    });
    expect(frame.stop).toBe('breakpoint');
    expect(frame.position.pc).toBe(main!.address);
  });

  it('reports a bad file as a structured error', async () => {
    const client = new InProcessClient();
    await expect(
      client.request('open', {
        kind: 'guest',
        name: 'x.elf',
        bytes: new Uint8Array([1, 2, 3]),
        options: {},
        view,
      }),
    ).rejects.toMatchObject({ info: { kind: 'elf' } });
    await expect(client.request('control', { control: { op: 'step' }, view })).rejects.toBeInstanceOf(
      EngineClientError,
    );
  });

  it('answers a request of another protocol version with a structured error', async () => {
    const posted: EngineResponse[] = [];
    await new SessionHost((r) => posted.push(r)).handle({
      v: 99 as typeof PROTOCOL_VERSION,
      id: 7,
      type: 'ping',
      params: {},
    });
    expect(posted[0]).toMatchObject({ id: 7, ok: false });
  });

  it('rejects with EngineClientError after dispose', async () => {
    const client = new InProcessClient();
    const p = client.request('ping', {});
    client.dispose();
    await expect(p).rejects.toBeInstanceOf(EngineClientError);
  });

  it('the worker entry answers messages through self.postMessage', async () => {
    const posted: EngineResponse[] = [];
    const fakeSelf = Object.assign(new EventTarget(), { postMessage: (m: EngineResponse) => posted.push(m) });
    vi.stubGlobal('self', fakeSelf);
    await import('./engine.worker');
    fakeSelf.dispatchEvent(
      new MessageEvent('message', { data: { v: PROTOCOL_VERSION, id: 3, type: 'ping', params: {} } }),
    );
    await new Promise((r) => setTimeout(r, 0));
    expect(posted).toEqual([{ v: PROTOCOL_VERSION, id: 3, ok: true, result: { version: PROTOCOL_VERSION } }]);
    vi.unstubAllGlobals();
  });
});
