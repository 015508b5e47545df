import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES } from '../engine/guest/fixtures.testutil';
import { captureIO } from './io';
import { runCli } from './main';

async function run(args: string[]) {
  const io = captureIO();
  const code = await runCli(args, io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

describe('memscope disasm', () => {
  it('prints labels, words and instructions with OpenVM names', async () => {
    const r = await run(['disasm', join(EXAMPLES, 'hello.elf')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\n00200800 <_start>:\n {2}200800:\t00200137\tlui {5}sp, 0x200\n/);
    expect(r.stdout).toMatch(/\treveal {2}a0, 0\(zero\)\n/);
    expect(r.stdout).toMatch(/\tprintstr a0, a1\n/);
    expect(r.stdout).toMatch(/jalr {4}\d+\(ra\) # 0x[0-9a-f]+ <print_str>/);
    expect((await run(['disasm'])).code).toBe(1);
  });
});
