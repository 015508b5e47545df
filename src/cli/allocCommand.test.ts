// Differential test: every trace in shared/golden/orthotope (recorded from the real orthotope 0.1.7 crate)
// gives byte-identical output through `memscope alloc`, run in-process; plus the command's own contract
// (usage, unreadable files, malformed traces) and the shipped examples.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, filesIn, needs, SHARED, sharedFile } from '../engine/guest/fixtures.testutil';
import { captureIO } from './io';
import { runCli } from './main';

const GOLDEN = join(SHARED, 'golden/orthotope');

async function run(args: string[], files: Record<string, string> = {}) {
  const io = captureIO(files);
  const code = await runCli(args, io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

describe.runIf(needs(sharedFile('golden/orthotope')))('golden orthotope 0.1.7 traces', () => {
  const inputs = filesIn(join(GOLDEN, 'inputs'), '.txt');

  it('has the recorded cases', () => {
    expect(inputs.length).toBeGreaterThanOrEqual(16);
  });

  for (const input of inputs) {
    const name = input.replace(/\.txt$/, '');
    it(name, async () => {
      const r = await run(['alloc', join(GOLDEN, 'inputs', input)]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(readFileSync(join(GOLDEN, 'expected', `${name}.out`), 'utf8'));
    });
  }
});

describe('memscope alloc', () => {
  it('prints usage and exits 1 without exactly one file', async () => {
    for (const [args, what] of [
      [['alloc'], 'missing FILE.alloc'],
      [['alloc', 'a', 'b'], 'unexpected operand `b`'],
    ] as const) {
      const r = await run([...args]);
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr.split('\n').slice(0, 2)).toEqual([
        `error: ${what}`,
        'usage: memscope alloc FILE.alloc [--at T|SEG:T|step:N]',
      ]);
    }
    const r = await run(['alloc', '--verbose', 'x.alloc']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: unknown option `--verbose`\n/);
  });

  it('exits 1 on an unreadable file', async () => {
    const r = await run(['alloc', '/nonexistent/trace.alloc']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: cannot read \/nonexistent\/trace\.alloc: /);
  });

  it('exits 2 on a malformed line, keeping the output of the lines before it', async () => {
    const r = await run(['alloc', 'm.alloc'], { 'm.alloc': 'alloc a 10\nfree a\nfree a 1 2\nalloc b 1\n' });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('error: line 3: `free` takes ID [THREAD], got 3 arguments\n');
    expect(r.stdout.split('\n').slice(-3)).toEqual([
      'alloc id=a size=10 t=0 -> ok off=64 class=B64',
      'free id=a t=0 off=64 -> ok',
      '',
    ]);
  });

  it('exits 2 on text that is not UTF-8, naming the line', async () => {
    const io = captureIO({ 'bad.alloc': new Uint8Array([0x61, 0x0a, 0xff, 0x0a]) });
    expect(await runCli(['alloc', 'bad.alloc'], io)).toBe(2);
    expect(io.stderr).toBe('error: line 2: the text is not valid UTF-8\n');
  });

  it('an invalid config is a result on stdout (exit 0)', async () => {
    const r = await run(['alloc', 'c.alloc'], { 'c.alloc': 'config arena=0\nalloc a 1\n' });
    expect(r).toEqual({
      code: 0,
      stdout: 'init -> err InvalidConfig message="arena size must be greater than zero"\n',
      stderr: '',
    });
  });
});

describe('public/examples/*.alloc', () => {
  const examples = filesIn(EXAMPLES, '.alloc');

  it('ships the benchmark-modelled workloads', () => {
    expect(examples).toEqual(
      expect.arrayContaining([
        'mixed_size_churn.alloc',
        'embedding_batch.alloc',
        'long_lived_handoff.alloc',
        'large_path.alloc',
      ]),
    );
  });

  for (const example of examples) {
    it(`${example} runs without error`, async () => {
      const r = await run(['alloc', join(EXAMPLES, example)]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/final end\n$/);
    });
  }

  it('the benchmark examples run without any allocator error', async () => {
    for (const example of [
      'mixed_size_churn.alloc',
      'embedding_batch.alloc',
      'long_lived_handoff.alloc',
      'same_thread_small_churn.alloc',
    ]) {
      const r = await run(['alloc', join(EXAMPLES, example)]);
      expect(r.stdout).not.toContain(' -> err ');
    }
  });
});
