// The debugger moves of issue 22 through the protocol (the same SessionHost the worker runs): step out and
// reverse step over as controls, reverse continue with the stop's matched watchpoint, a block's access
// history page with pcs and functions, and the whole program's listing by rows.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Session } from '../engine/session';
import { InProcessClient } from './inProcessClient';

const elf = readFileSync(resolve(__dirname, '../../public/examples/debug_calls.elf'));
const none = { lanes: [] };

async function open() {
  const client = new InProcessClient();
  await client.request('open', {
    kind: 'guest',
    name: 'debug_calls.elf',
    bytes: elf,
    options: {},
    view: none,
  });
  return client;
}

describe('debugger moves over the protocol', () => {
  it('runs to walk, steps out forward and back, reverse steps over the call', async () => {
    const client = await open();
    const ref = Session.open('guest', elf);
    const bp = ref.runToBreakpoint({ symbol: 'walk' });
    const hit = await client.request('run', {
      breakpoints: [{ pc: 0 }, { symbol: 'walk' }],
      watchpoints: [],
      toEnd: false,
      view: none,
    });
    expect(hit.stop).toBe('breakpoint');
    expect(hit.matched).toEqual({ breakpoints: [1], watchpoints: [] });
    expect(hit.position.step).toBe(bp.position.step);
    const out = await client.request('control', {
      control: { op: 'stepOut', direction: 'forward' },
      view: none,
    });
    expect(out.position.step).toBe(ref.stepOut('forward').step);
    const back = await client.request('control', { control: { op: 'reverseStepOver' }, view: none });
    expect(back.position.step).toBe(bp.position.step - 1);
    await client.request('control', { control: { op: 'seekStep', step: bp.position.step + 3 }, view: none });
    const call = await client.request('control', {
      control: { op: 'stepOut', direction: 'backward' },
      view: none,
    });
    expect(call.position.step).toBe(bp.position.step - 1);
  });

  it('reverse continues to the last write of a watched cell and pages its history with pcs', async () => {
    const client = await open();
    const end = await client.request('run', { breakpoints: [], watchpoints: [], toEnd: true, view: none });
    // Public value word 0 (AS3 cells 0..3) is written by reveal_u32(total, 0) near the end.
    const wp = { addressSpace: 3, addr: 0, len: 4, writesOnly: true };
    const rc = await client.request('run', {
      breakpoints: [],
      watchpoints: [wp],
      toEnd: false,
      direction: 'backward',
      view: none,
    });
    expect(rc.stop).toBe('watchpoint');
    expect(rc.matched).toEqual({ breakpoints: [], watchpoints: [0] });
    expect(rc.position.step).toBeLessThan(end.position.step);
    const ref = Session.open('guest', elf);
    ref.run({});
    expect(ref.run({ watchpoints: [wp], direction: 'backward' }).position.step).toBe(rc.position.step);
    await client.request('control', { control: { op: 'seekStep', step: end.position.step }, view: none });
    const page = await client.request('accessHistory', { addressSpace: 1, addr: 8, len: 4, limit: 40 });
    expect(page.count).toBe(40);
    expect(page.pc).not.toBeNull();
    expect(page.functions.some((f) => f === 'main')).toBe(true);
    const older = await client.request('accessHistory', {
      addressSpace: 1,
      addr: 8,
      len: 4,
      limit: 40,
      before: page.timestamp[0],
    });
    expect(older.timestamp[older.count - 1]).toBeLessThan(page.timestamp[0]);
  });

  it('lists the whole program by rows, with labels at function starts', async () => {
    const client = await open();
    const first = await client.request('listing', { from: 0, count: 10 });
    expect(first.total).toBeGreaterThan(100);
    expect(first.lines[0].pc).toBe(first.pcBase);
    const last = await client.request('listing', { from: first.total - 5, count: 100 });
    expect(last.lines.length).toBe(5);
    expect(last.lines[4].pc).toBe(first.pcBase + 4 * (first.total - 1));
    const ref = Session.open('guest', elf);
    const main = ref.opened.kind === 'guest' ? ref.opened.machine.program.symbols.get('main')! : null;
    const row = (main!.address - first.pcBase) / 4;
    const at = await client.request('listing', { from: row, count: 1 });
    expect(at.lines[0].label).toBe('main');
    await expect(client.request('listing', { from: -1, count: 1 })).rejects.toThrow(/bad listing/);
  });
});
