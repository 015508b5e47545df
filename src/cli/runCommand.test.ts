// Differential test: every script in shared/golden/openvm-memory (recorded from OpenVM v1.7's own
// online.rs) gives byte-identical JSON Lines, summary, stderr and exit code.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { filesIn, needs, SHARED, sharedFile } from '../engine/guest/fixtures.testutil';
import { captureIO } from './io';
import { runCli } from './main';

const GOLDEN = join(SHARED, 'golden/openvm-memory');

async function run(args: string[]) {
  const io = captureIO();
  const code = await runCli(args, io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

describe.runIf(needs(sharedFile('golden/openvm-memory')))('golden OpenVM memory scripts', () => {
  const dirs = ['generated', 'handwritten', 'invalid'];
  it('has the recorded cases', () => {
    expect(dirs.map((d) => filesIn(join(GOLDEN, d), '.mtrace').length > 0)).toEqual([true, true, true]);
  });
  for (const dir of dirs) {
    const scripts = filesIn(join(GOLDEN, dir), '.mtrace');
    for (const script of scripts) {
      const base = join(GOLDEN, dir, script.replace(/\.mtrace$/, ''));
      it(`${dir}/${script}`, async () => {
        const jsonl = await run(['run', `${base}.mtrace`]);
        const summary = await run(['run', `${base}.mtrace`, '--summary']);
        expect(jsonl.stdout).toBe(readFileSync(`${base}.jsonl`, 'utf8'));
        if (existsSync(`${base}.code`)) {
          const code = Number(readFileSync(`${base}.code`, 'utf8').trim());
          const err = readFileSync(`${base}.err`, 'utf8');
          expect(jsonl.code).toBe(code);
          expect(jsonl.stderr).toBe(err);
          expect(summary.code).toBe(code);
          expect(summary.stderr).toBe(err);
          expect(summary.stdout).toBe('');
        } else {
          expect(jsonl.code).toBe(0);
          expect(jsonl.stderr).toBe('');
          expect(summary.code).toBe(0);
          expect(summary.stdout).toBe(readFileSync(`${base}.summary.json`, 'utf8'));
        }
      });
    }
  }
});

describe('run command', () => {
  it('rejects a missing file with exit 1', async () => {
    const r = await run(['run', '/nonexistent/x.mtrace']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: cannot read \/nonexistent\/x.mtrace/);
  });
  it('rejects unknown options and a missing argument with usage', async () => {
    expect((await run(['run', '--bogus', 'a'])).code).toBe(1);
    expect((await run(['run'])).stderr).toContain('usage:');
  });
  it('names the line of invalid UTF-8', async () => {
    const io = captureIO({
      'bad.mtrace': new Uint8Array([...new TextEncoder().encode('read 2 0 4\n'), 0xff, 0x0a]),
    });
    const code = await runCli(['run', 'bad.mtrace'], io);
    expect(code).toBe(2);
    expect(io.stderr).toBe('error: line 2: the text is not valid UTF-8\n');
    expect(io.stdout).toBe('');
  });
  it('keeps the lines before an error and prints nothing for --summary', async () => {
    const files = { 's.mtrace': 'write 2 0 4 1 2 3 4\nread 2 0 8\nbogus\nread 2 0 4\n' };
    const io = captureIO(files);
    expect(await runCli(['run', 's.mtrace'], io)).toBe(2);
    expect(io.stdout.split('\n').filter(Boolean)).toHaveLength(2);
    expect(io.stderr).toBe('error: line 3: unknown directive `bogus`\n');
    const io2 = captureIO(files);
    expect(await runCli(['run', 's.mtrace', '--summary'], io2)).toBe(2);
    expect(io2.stdout).toBe('');
  });
});
