// Issue 22: 20 rapid → presses gave 5 steps (a press while a step was carried out was dropped). They now
// queue up to MAX_QUEUED_MOVES, over the real engine (in-process client) and the default example.
import { describe, expect, it } from 'vitest';
import { InProcessClient } from '../../worker/inProcessClient';
import { MAX_QUEUED_MOVES, MoveQueue } from './moveQueue';
import { createDebuggerStore, type DebuggerStore } from './store';
import { testEnv } from './storeEnv.testutil';

function settled(store: DebuggerStore): Promise<void> {
  return new Promise((resolve) => {
    const check = () => store.getState().status === 'ready';
    if (check()) return resolve();
    const stop = store.subscribe(() => {
      if (check()) {
        stop();
        resolve();
      }
    });
  });
}

async function opened(file: string): Promise<DebuggerStore> {
  const env = testEnv({ search: `?example=${file}` });
  const store = createDebuggerStore(new InProcessClient(), env);
  await store.getState().init();
  return store;
}

describe('key repeats', () => {
  it('issue 22: 20 rapid Step presses give 20 steps', async () => {
    const store = await opened('hashmap.elf');
    const presses: Promise<void>[] = [];
    for (let i = 0; i < 20; i++) presses.push(store.getState().action('step'));
    await Promise.all(presses);
    await settled(store);
    expect(store.getState().frame?.position.step).toBe(20);
  });

  it('queues Step back and Step over in order behind the step in progress', async () => {
    const store = await opened('hashmap.elf');
    const presses = ['step', 'step', 'step', 'stepBack', 'step'] as const;
    await Promise.all(presses.map((a) => store.getState().action(a)));
    await settled(store);
    expect(store.getState().frame?.position.step).toBe(3);
  });

  it('is bounded: presses beyond MAX_QUEUED_MOVES are dropped', async () => {
    const q = new MoveQueue();
    for (let i = 0; i < MAX_QUEUED_MOVES; i++) expect(q.push('step')).toBe(true);
    expect(q.push('step')).toBe(false);
    expect(q.size).toBe(MAX_QUEUED_MOVES);
    const store = await opened('hashmap.elf');
    const n = MAX_QUEUED_MOVES + 10;
    await Promise.all(Array.from({ length: n }, () => store.getState().action('step')));
    await settled(store);
    expect(store.getState().frame?.position.step).toBe(MAX_QUEUED_MOVES + 1);
  });
});
