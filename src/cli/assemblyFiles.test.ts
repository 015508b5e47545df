// `exec`, `run` and `disasm` take assembly source (.s) as they take an ELF: assembled in-process.
import { describe, expect, it } from 'vitest';
import { captureIO } from './io';
import { runCli } from './main';

const PROGRAM = '_start:\n  li a0, 7\n  reveal a0, 0(zero)\n  terminate 0\n';

async function run(args: string[], files: Record<string, string>) {
  const io = captureIO(files);
  const code = await runCli(args, io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

describe('assembly files on the command line', () => {
  it('exec runs a .s program and reports its public value', async () => {
    const r = await run(['exec', 'p.s'], { 'p.s': PROGRAM });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ status: 'terminated', exitCode: 0, instructions: 3 });
    expect(JSON.parse(r.stdout).publicValues).toMatch(/^07000000/);
  });
  it('run on a .s is exec', async () => {
    const r = await run(['run', 'p.s'], { 'p.s': PROGRAM });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).instructions).toBe(3);
  });
  it('disasm shows the labels as symbols', async () => {
    const r = await run(['disasm', 'p.s'], { 'p.s': PROGRAM });
    expect(r.stdout).toMatch(/<_start>:\n.*li {6}a0, 7\n.*reveal {2}a0, 0\(zero\)/);
  });
  it('names each assembly error with its line and column (exit code 2)', async () => {
    const r = await run(['exec', 'bad.s'], { 'bad.s': 'nop\n bogus a0\n addi a0, a0, 5000\n' });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'error: bad.s:2:2: unknown mnemonic `bogus`\nerror: bad.s:3:15: immediate 5000 out of range for a 12-bit signed immediate (-2048..2047)\n',
    );
    expect(r.stdout).toBe('');
  });
});
