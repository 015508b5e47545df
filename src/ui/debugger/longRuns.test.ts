// Issue 22, long runs: the step limit is said when the recording reaches it; after Cancel, Run to end
// continues from where the recording stopped (its counter does not restart at 0) and the "Recording
// cancelled" notice goes; an .mtrace whose line 6 is invalid says so on opening, not only when stepped to.
import { describe, expect, it } from 'vitest';
import { InProcessClient } from '../../worker/inProcessClient';
import { createDebuggerStore, type DebuggerState, type DebuggerStore } from './store';
import { publicFile, testEnv } from './storeEnv.testutil';

function until(store: DebuggerStore, pred: (s: DebuggerState) => boolean, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (pred(store.getState())) return resolve();
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`timed out waiting for ${what}`));
    }, 60_000);
    const stop = store.subscribe((s) => {
      if (pred(s)) {
        clearTimeout(timer);
        stop();
        resolve();
      }
    });
  });
}

const open = (name: string) => ({ name, bytes: publicFile(`examples/${name}`) });

describe('long runs (issue 22)', () => {
  it('reaching the step limit while recording says so', async () => {
    const store = createDebuggerStore(new InProcessClient(), testEnv());
    await store.getState().openFiles([open('hashmap.elf')]);
    expect(store.getState().notice).toBeUndefined();
    store.setState({ options: { ...store.getState().options, maxSteps: 1000 } });
    await store.getState().reopen();
    const s = store.getState();
    expect(s.frame?.info.end?.status).toBe('limit');
    expect(s.notice).toMatch(/reached the step limit \(1,000 steps/);
    await store.getState().action('runToEnd');
    expect(store.getState().frame?.position.status).toBe('limit');
    expect(store.getState().notice).toMatch(/step limit/);
  });

  it('after Cancel, Run to end continues from the recorded head and clears the cancel notice', async () => {
    const store = createDebuggerStore(new InProcessClient(), testEnv());
    const opening = store.getState().openFiles([open('hashmap.elf')]);
    await until(store, (s) => (s.progress?.step ?? 0) >= 400_000, 'two chunks recorded');
    await store.getState().cancel();
    await opening;
    expect(store.getState().notice).toMatch(/Recording cancelled/);
    const head = store.getState().frame!.info.head.step;
    expect(store.getState().frame?.position.step).toBe(0);
    const seen: number[] = [];
    const stop = store.subscribe((s) => {
      if (s.progress?.what === 'running') seen.push(s.progress.step);
    });
    await store.getState().action('runToEnd');
    stop();
    expect(seen.length).toBeGreaterThan(0);
    expect(Math.min(...seen)).toBeGreaterThanOrEqual(head);
    const s = store.getState();
    expect(s.frame?.position.status).toBe('done');
    expect(s.notice).toBeUndefined();
  });

  it('an .mtrace with an invalid line 6 says so on opening', async () => {
    const text = [
      'mode persistent',
      'write 2 0 4 1 2 3 4',
      'read 2 0 4',
      'read 2 0 4',
      'read 2 0 4',
      'rread 2 0 4',
      '',
    ];
    const store = createDebuggerStore(new InProcessClient(), testEnv());
    await store
      .getState()
      .openFiles([{ name: 'bad.mtrace', bytes: new TextEncoder().encode(text.join('\n')) }]);
    const s = store.getState();
    expect(s.frame?.position.step).toBe(0);
    expect(s.notice).toMatch(/stops with an error at step 4 \(line 6\)/);
  });

  it('a run opened again (its input given) drops the notice about the run before', async () => {
    const store = createDebuggerStore(new InProcessClient(), testEnv());
    await store.getState().openFiles([open('fibonacci.elf')]);
    expect(store.getState().notice).toMatch(/EndOfInputStream/);
    store.getState().setOptions({ input: '0x01e803000000000000' }); // n = 1000
    await until(store, (s) => s.frame?.info.end?.status === 'done' && !s.recording, 'the run with its input');
    expect(store.getState().notice).toBeUndefined();
  });
});
