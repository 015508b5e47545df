// Breakpoints & watchpoints in the store over the in-process engine: a disabled one is not sent (the run
// does not stop at it), each stop counts a hit for the ones it matched, removing forgets the count, and
// the reverse moves and Step out go through the actions.
import { describe, expect, it } from 'vitest';
import { InProcessClient } from '../../worker/inProcessClient';
import { bpKey, wpKey } from './probeSlice';
import { createDebuggerStore } from './store';
import { testEnv } from './storeEnv.testutil';

async function openDebugCalls() {
  const store = createDebuggerStore(new InProcessClient(), testEnv({ search: '?example=debug_calls.elf' }));
  await store.getState().init();
  await store.getState().openExample('debug_calls.elf');
  store.getState().setByLine(false);
  return store;
}

describe('breakpoints and watchpoints in the store', () => {
  it('enables, disables, counts hits and forgets them on removal', async () => {
    const store = await openDebugCalls();
    const program = store.getState().program;
    const symbols = program?.kind === 'guest' ? program.symbols : [];
    const walk = symbols.find((s) => s.name === 'walk')!;
    const push = symbols.find((s) => s.name === 'push')!;
    const s = store.getState();
    s.addBreakpoint({ pc: walk.address });
    s.addBreakpoint({ pc: push.address });
    s.addBreakpoint({ pc: push.address });
    expect(store.getState().breakpoints).toHaveLength(2);
    s.setProbeEnabled(bpKey({ pc: push.address }), false);
    await s.action('run');
    expect(store.getState().frame?.position.pc).toBe(walk.address);
    expect(store.getState().probes[bpKey({ pc: walk.address })].hits).toBe(1);
    expect(store.getState().lastHit?.keys).toEqual([bpKey({ pc: walk.address })]);
    // Step out of walk, Reverse step over back to its call; Reverse continue to the last push's entry and
    // Step out back to its call.
    const entry = store.getState().frame!.position.step;
    await s.action('stepOut');
    expect(store.getState().frame!.position.step).toBeGreaterThan(entry);
    await s.action('reverseStepOver');
    expect(store.getState().frame!.position.step).toBe(entry - 1);
    s.setProbeEnabled(bpKey({ pc: push.address }), true);
    await s.action('reverseContinue');
    expect(store.getState().frame?.position.pc).toBe(push.address);
    expect(store.getState().probes[bpKey({ pc: push.address })]).toEqual({ enabled: true, hits: 1 });
    const pushEntry = store.getState().frame!.position.step;
    await s.action('stepOutBack');
    expect(store.getState().frame!.position.step).toBe(pushEntry - 1);
    s.removeBreakpoint({ pc: push.address });
    expect(store.getState().probes[bpKey({ pc: push.address })]).toBeUndefined();
    // A write watchpoint on public value 0: Run stops before the write, counted.
    const w = { addressSpace: 3, addr: 0, len: 4, writesOnly: true };
    s.removeBreakpoint({ pc: walk.address });
    s.watch(w);
    s.watch({ ...w });
    expect(store.getState().watchpoints).toHaveLength(1);
    await s.action('run');
    expect(store.getState().lastStop).toBe('watchpoint');
    expect(store.getState().probes[wpKey(w)].hits).toBe(1);
    const page = await s.accessHistory({ addressSpace: 1, addr: 8, len: 4 }, 10);
    expect(page.count).toBe(10);
    expect(page.functions.length).toBe(10);
  });
});
