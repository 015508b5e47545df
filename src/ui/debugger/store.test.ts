// The debugger store over the in-process engine client (the same SessionHost the worker runs): opening,
// recording with progress, the action asked for while recording, Cancel, a bad file beside a working
// session, dropped sets (ELF + input + openvm.toml), and the URL (throttled; failures kept from the banner).
import { describe, expect, it } from 'vitest';
import { parseInput } from '../../engine/guest/io/input';
import { InProcessClient } from '../../worker/inProcessClient';
import { parseUrlState } from '../urlState';
import { createDebuggerStore, type DebuggerState, type DebuggerStore } from './store';
import { publicFile, testEnv } from './storeEnv.testutil';

function until(
  store: DebuggerStore,
  pred: (s: DebuggerState) => boolean,
  what: string,
  ms = 30_000,
): Promise<void> {
  return new Promise((resolve, reject) => {
    if (pred(store.getState())) return resolve();
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`timed out waiting for ${what}`));
    }, ms);
    const stop = store.subscribe((s) => {
      if (pred(s)) {
        clearTimeout(timer);
        stop();
        resolve();
      }
    });
  });
}

const open = (name: string, path = `examples/${name}`) => ({ name, bytes: publicFile(path) });

describe('the debugger store over the in-process client', () => {
  it('opens the default example: records it, returns to the start, and holds its text once', async () => {
    const env = testEnv();
    const store = createDebuggerStore(new InProcessClient(), env);
    await store.getState().init();
    const s = store.getState();
    expect(s.status).toBe('ready');
    expect(s.recording).toBe(false);
    expect(s.frame?.position.step).toBe(0);
    expect(s.frame?.info.end).not.toBeNull();
    const index = await env.loadExampleIndex();
    expect(s.loaded?.name).toBe(index.default);
    expect(s.program).toEqual({
      kind: 'script',
      text: new TextDecoder().decode(publicFile(`examples/${index.default}`)),
    });
    expect(s.frame?.program).not.toHaveProperty('text');
  });

  it('issue 13 defect 1: Run to end asked for while recording is carried out once the run is recorded', async () => {
    const store = createDebuggerStore(new InProcessClient(), testEnv());
    const opening = store.getState().openFiles([open('hashmap.elf')]);
    await until(store, (s) => s.recording && (s.progress?.step ?? 0) > 0, 'the recording to report progress');
    await store.getState().action('runToEnd');
    expect(store.getState().queued).toBe('runToEnd');
    await opening;
    await until(store, (s) => s.status === 'ready' && s.queued === undefined, 'the queued action');
    await new Promise((r) => setTimeout(r, 200)); // and nothing moves it afterwards
    const f = store.getState().frame!;
    expect(f.info.end).not.toBeNull();
    expect(f.position.step).toBe(f.info.end!.step);
    expect(f.position.status).toBe('done');
  });

  it('issue 13 defect 1: Step asked for while recording steps from the start once recorded', async () => {
    const store = createDebuggerStore(new InProcessClient(), testEnv());
    const opening = store.getState().openFiles([open('hashmap.elf')]);
    await until(store, (s) => s.recording, 'the recording');
    await store.getState().action('step');
    await opening;
    await until(store, (s) => s.status === 'ready' && s.queued === undefined, 'the queued step');
    await new Promise((r) => setTimeout(r, 200));
    expect(store.getState().frame?.position.step).toBe(1);
  });

  it('a seek asked for while recording (Go to timestamp) is where the recording ends, not undone by it', async () => {
    const store = createDebuggerStore(new InProcessClient(), testEnv());
    const opening = store.getState().openFiles([open('hashmap.elf')]);
    await until(store, (s) => s.recording, 'the recording');
    store.getState().seek(5000);
    await opening;
    await until(store, (s) => s.status === 'ready' && !s.recording, 'the end of the recording');
    await new Promise((r) => setTimeout(r, 200)); // and nothing moves it afterwards
    const f = store.getState().frame!;
    expect(f.info.end!.timestamp).toBeGreaterThan(5000);
    // seek(t) lands on the last step whose state has timestamp <= t (a step spans a few timestamps).
    expect(f.position.timestamp).toBeLessThanOrEqual(5000);
    expect(f.position.timestamp).toBeGreaterThan(4990);
  });

  it('issue 13 defect 1: the click that re-opens the run (leaving the Input box) is carried out after recording', async () => {
    const store = createDebuggerStore(new InProcessClient(), testEnv());
    await store.getState().openFiles([open('sum_input.elf')]);
    expect(store.getState().frame?.info.error?.message).toMatch(/EndOfInputStream/);
    store.getState().setOptions({ input: '{"input": ["0x0101020304", "0x01ff"]}' }); // the blur
    await store.getState().action('runToEnd'); // the click
    await until(
      store,
      (s) => s.status === 'ready' && !s.recording && s.queued === undefined && s.frame?.position.step !== 0,
      'the run to end',
    );
    await new Promise((r) => setTimeout(r, 200)); // nothing moves it back afterwards (the bug: a reset to the start)
    const f = store.getState().frame!;
    expect(f.position.status).toBe('done');
    expect(f.position.step).toBe(f.info.end?.step);
  });

  it('issue 13 defect 2: recording reports steps and instructions per second; Cancel keeps what was recorded', async () => {
    const store = createDebuggerStore(new InProcessClient(), testEnv());
    const opening = store.getState().openFiles([open('hashmap.elf')]);
    await until(store, (s) => (s.progress?.step ?? 0) > 0, 'progress');
    const p = store.getState().progress!;
    expect(p.what).toBe('recording');
    expect(p.step % 200_000).toBe(0);
    expect(p.rate).toBeGreaterThan(0);
    await store.getState().cancel();
    await opening;
    const s = store.getState();
    expect(s.recording).toBe(false);
    expect(s.progress).toBeUndefined();
    expect(s.notice).toMatch(/Recording cancelled at step/);
    expect(s.frame?.info.end).toBeNull(); // not recorded to its end
    const head = s.frame!.info.head;
    expect(head.step).toBeGreaterThanOrEqual(p.step);
    expect(s.frame?.position.step).toBe(0);
    // What was recorded can be visited.
    store.getState().seek(head.timestamp);
    await until(
      store,
      (x) => x.status === 'ready' && x.frame?.position.step === head.step,
      'the seek to the head',
    );
  });

  it('issue 13 defect 4: a bad file leaves the current session open, with the error beside it', async () => {
    const store = createDebuggerStore(new InProcessClient(), testEnv());
    await store.getState().openFiles([open('split.mtrace')]);
    await store.getState().control({ op: 'step' });
    const before = store.getState().frame!;
    await store
      .getState()
      .openFiles([{ name: 'broken.elf', bytes: new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]) }]);
    const s = store.getState();
    expect(s.failure?.kind).toBe('elf');
    expect(s.failedFile).toBe('broken.elf');
    expect(s.loaded?.name).toBe('split.mtrace');
    expect(s.frame).toBe(before);
    expect(s.status).toBe('ready');
    // The banner changes the panels' height: the lanes asking for other sizes re-view the same position,
    // and the message stays.
    await store.getState().setLaneSizes({ 2: { len: 64, row: 16 } });
    expect(store.getState().failedFile).toBe('broken.elf');
    expect(store.getState().failure?.kind).toBe('elf');
    // ...and it still works: the worker kept its session too.
    await store.getState().control({ op: 'step' });
    expect(store.getState().frame?.position.step).toBe(2);
    expect(store.getState().failure).toBeUndefined();
  });

  it('issue 13 defect 6: an ELF dropped with its input .json and openvm.toml keeps the whole set', async () => {
    const store = createDebuggerStore(new InProcessClient(), testEnv());
    const toml = '[app_vm_config.rv32i]\n';
    await store.getState().openFiles([
      open('sum_input.elf'),
      {
        name: 'sum.json',
        bytes: new TextEncoder().encode('{"input": ["0x0103000000", "0x0104000000"]}\n'),
      },
      { name: 'openvm.toml', bytes: new TextEncoder().encode(toml) },
    ]);
    const s = store.getState();
    expect(s.loaded?.name).toBe('sum_input.elf');
    expect(s.loaded?.config).toEqual({ name: 'openvm.toml', text: toml });
    expect(s.options.input).toBe('{"input": ["0x0103000000", "0x0104000000"]}');
    expect(s.failure).toBeUndefined();
    // The run used the input: it read both vectors.
    await store.getState().action('runToEnd');
    const f = store.getState().frame!;
    expect(f.program?.kind === 'guest' && f.program.hint.inputRemaining).toBe(0);
    expect(store.getState().failure).toBeUndefined();
  });

  it('issue 13 defect 3: the URL holds a JSON input and is written throttled; history errors never reach the banner', async () => {
    const env = testEnv();
    const store = createDebuggerStore(new InProcessClient(), env, { urlIntervalMs: 10_000 });
    const input = '{"input": ["0x0103000000", "0x0104000000"]}';
    await store
      .getState()
      .openFiles([open('sum_input.elf'), { name: 'in.json', bytes: new TextEncoder().encode(input) }]);
    for (let i = 0; i < 5; i++) await store.getState().control({ op: 'step' });
    // One write at once, then nothing until the interval passes: the last state waits as a trailing write.
    expect(env.written.length).toBe(1);
    const url = parseUrlState(env.search);
    expect(parseInput(url.input!)).toEqual(parseInput(input));

    const failing = testEnv({ failWrites: true });
    const store2 = createDebuggerStore(new InProcessClient(), failing, { urlIntervalMs: 0 });
    await store2.getState().openFiles([open('split.mtrace')]);
    await store2.getState().control({ op: 'step' });
    expect(store2.getState().failure).toBeUndefined();
    expect(store2.getState().status).toBe('ready');
  });

  it('issue 13 defect 7: an input .json dropped on an open guest becomes the Input value and re-runs it', async () => {
    const store = createDebuggerStore(new InProcessClient(), testEnv());
    await store.getState().openFiles([open('sum_input.elf')]);
    await store
      .getState()
      .openFiles([
        { name: 'in.json', bytes: new TextEncoder().encode('{"input": ["0x0102000000", "0x0105000000"]}') },
      ]);
    expect(store.getState().options.input).toBe('{"input": ["0x0102000000", "0x0105000000"]}');
    await store.getState().action('runToEnd');
    const f = store.getState().frame!;
    expect(f.program?.kind === 'guest' && f.program.hint.inputRemaining).toBe(0);
    expect(f.position.status).toBe('done');
  });
  it('the Cost view asked for while another program opens shows the new program, not the one it replaced', async () => {
    const store = createDebuggerStore(new InProcessClient(), testEnv());
    await store.getState().init();
    // The default example is measured on its way out; hello.elf is what the page shows when that ends.
    const opening = store.getState().openFiles([open('hello.elf')]);
    store.getState().setShowCost(true);
    await opening;
    await until(
      store,
      (s) => s.cost !== undefined && !s.costLoading && !s.recording,
      'the cost of hello.elf',
    );
    // hello.elf: 165 instructions to its exit (memscope exec public/examples/hello.elf).
    expect(store.getState().cost?.runs[0].steps).toBe(165);
  });
});
