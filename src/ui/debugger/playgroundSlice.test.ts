// The playground over the in-process engine: a typed script runs (its split record is in the frame), a
// syntax error leaves the last good run on screen with the error's line, assembly runs as a guest (a
// loop, sb + lw of one word, reveal), the text and the position travel in the URL and come back.
import { describe, expect, it } from 'vitest';
import { InProcessClient } from '../../worker/inProcessClient';
import { parseUrlState, formatUrlState } from '../urlState';
import { createDebuggerStore } from './store';
import { testEnv } from './storeEnv.testutil';

const SCRIPT = 'write 2 0 8 1 2 3 4 5 6 7 8\nread 2 0 4\nfinalize\n';
const ASM = [
  '_start:',
  '  la   a1, word',
  '  li   t0, 3',
  'loop:',
  '  sb   t0, 1(a1)',
  '  addi t0, t0, -1',
  '  bnez t0, loop',
  '  lw   a0, 0(a1)',
  '  reveal a0, 0(zero)',
  '  terminate 0',
  '.data',
  'word: .word 0x11223344',
].join('\n');

async function ready() {
  const env = testEnv();
  const store = createDebuggerStore(new InProcessClient(), env, { urlIntervalMs: 0 });
  await store.getState().init();
  return { env, store };
}

describe('the playground', () => {
  it('runs a typed script, keeps the last good run beside a syntax error, and keeps the position', async () => {
    const { store } = await ready();
    await store.getState().openEditor('mtrace', SCRIPT);
    let s = store.getState();
    expect(s.editorErrors).toEqual([]);
    expect(s.loaded?.name).toBe('playground.mtrace');
    expect(s.frame?.info.end?.step).toBe(3);
    await store.getState().control({ op: 'seekStep', step: 2 });
    const t = store.getState().frame?.position.timestamp;
    // The read of 4 cells splits the 8-cell block the write left.
    expect(store.getState().frame?.step?.records.some((r) => r.kind === 'split')).toBe(true);

    store.getState().setEditorText('write 2 0 8 1 2 3 4 5 6 7 8\nread 2 0 3\nfinalize\n');
    await store.getState().runEditor();
    s = store.getState();
    expect(s.editorErrors).toHaveLength(1);
    expect(s.editorErrors[0].line).toBe(2);
    expect(s.frame?.position.timestamp).toBe(t); // the last good run, where it was

    store.getState().setEditorText(`${SCRIPT}# edited\n`);
    await store.getState().runEditor();
    s = store.getState();
    expect(s.editorErrors).toEqual([]);
    expect(s.frame?.position.timestamp).toBe(t); // the same time in the new run
  });

  it('runs assembly as a guest and reports assembly errors by line and column', async () => {
    const { store } = await ready();
    await store.getState().openEditor('asm', ASM);
    let s = store.getState();
    expect(s.editorErrors).toEqual([]);
    expect(s.loaded?.kind).toBe('guest');
    expect(s.frame?.info.end?.step).toBe(15);
    store.getState().setEditorText(ASM.replace('bnez t0, loop', 'bnez t0, lop'));
    await store.getState().runEditor();
    s = store.getState();
    expect(s.editorErrors).toEqual([{ line: 7, column: 12, message: 'undefined label `lop`' }]);
    expect(s.loaded?.kind).toBe('guest'); // the last good run stays
  });

  it('puts the text and the position in the URL, and opens them from it', async () => {
    const { store, env } = await ready();
    await store.getState().openEditor('asm', ASM);
    await store.getState().control({ op: 'seekStep', step: 5 });
    await new Promise((r) => setTimeout(r, 10));
    const url = parseUrlState(env.search);
    expect(url.source).toEqual({ language: 'asm', text: ASM });
    expect(url.example).toBeUndefined();
    const t = store.getState().frame?.position.timestamp;
    expect(url.t).toBe(t);

    const again = createDebuggerStore(new InProcessClient(), testEnv({ search: env.search }));
    await again.getState().init();
    expect(again.getState().editor?.text).toBe(ASM);
    expect(again.getState().frame?.position.timestamp).toBe(t);
  });

  it('leaves a text too long for a URL out of it', () => {
    let text = '';
    for (let k = 0; text.length < 200_000; k++) text += `write 2 ${4 * (k % 99991)} 4 ${k % 256} 1 2 3\n`;
    expect(formatUrlState({ source: { language: 'mtrace', text } })).toBe('');
  });
});
