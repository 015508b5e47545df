import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { InProcessClient } from './inProcessClient';
import { EngineClientError, PROTOCOL_VERSION, type EngineResponse } from './protocol';
import { captureIO } from '../cli/io';
import { runCli } from '../cli/main';

const example = (name: string) => resolve(__dirname, '../../public/examples', name);

describe('EngineClient (in-process transport)', () => {
  it('runs an example script with the same accesses and records as the CLI', async () => {
    const client = new InProcessClient();
    const view = await client.request('runMtrace', { name: 'split.mtrace', bytes: readFileSync(example('split.mtrace')) });
    const io = captureIO();
    expect(await runCli(['run', example('split.mtrace')], io)).toBe(0);
    const cli = io.stdout.trim().split('\n').map((l) => JSON.parse(l));
    const accesses = cli.filter((l) => l.op !== 'finalize');
    expect(view.accesses.map((a) => [a.line, a.timestamp, a.tPrev, a.records.length])).toEqual(accesses.map((l) => [l.i, l.t, l.t_prev, l.records.length]));
    expect(view.accesses.flatMap((a) => a.records.map((r) => [r.kind, r.pointer, r.blockSize, r.lowestBlockSize, r.timestamp, r.data]))).toEqual(
      accesses.flatMap((l) => l.records.map((r: { kind: string; ptr: number; size: number; lowest: number; t: number; data: number[] }) => [r.kind, r.ptr, r.size, r.lowest, r.t, r.data])),
    );
    expect(view.finalize?.records.length).toBe(cli.at(-1).records.length);
    expect(view.error).toBeUndefined();
  });
  it('returns the script error with its line, keeping the valid prefix', async () => {
    const client = new InProcessClient();
    const view = await client.request('runMtrace', { name: 'bad', bytes: new TextEncoder().encode('read 2 0 4\nread 2 2 4\n') });
    expect(view.accesses).toHaveLength(1);
    expect(view.error).toEqual({ kind: 'script', message: 'pointer 2 not aligned to min_block_size 4 of address space 2', location: { line: 2 } });
  });
  it('answers a request of another protocol version with a structured error', async () => {
    const { handleRequest } = await import('./engineHost');
    const r = handleRequest({ v: 99 as typeof PROTOCOL_VERSION, id: 7, type: 'ping', params: {} });
    expect(r).toMatchObject({ id: 7, ok: false });
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
    fakeSelf.dispatchEvent(new MessageEvent('message', { data: { v: PROTOCOL_VERSION, id: 3, type: 'ping', params: {} } }));
    expect(posted).toEqual([{ v: PROTOCOL_VERSION, id: 3, ok: true, result: { version: PROTOCOL_VERSION } }]);
    vi.unstubAllGlobals();
  });
});
