// Test-only: runs Debian's gdb-multiarch in batch mode on an ELF with -ex commands, asynchronously (the
// memscope gdbserver it talks to answers from the test's own process), output and errors together.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT } from '../engine/guest/fixtures.testutil';

/** gdb -batch on `elf` (run from the repository root, where DWARF's relative paths point): connect, then `commands`. */
export function gdb(port: number, commands: string[], elf: string): Promise<string> {
  const args = [
    '-batch',
    '-nx',
    path.relative(REPO_ROOT, elf),
    '-ex',
    'set pagination off',
    '-ex',
    'set confirm off',
  ];
  args.push('-ex', `target remote 127.0.0.1:${port}`);
  for (const c of commands) args.push('-ex', c);
  return new Promise((resolve, reject) => {
    const child = spawn('gdb-multiarch', args, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 50_000);
    child.on('error', reject);
    child.on('close', () => {
      clearTimeout(timer);
      resolve(out);
    });
  });
}
