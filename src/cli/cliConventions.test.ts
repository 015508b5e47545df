// The command-line conventions every command shares (main.ts, command.ts, options.ts, exitCodes.ts).
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commands } from './commands';
import { EXIT, EXIT_CODE_HELP, exitCodeLines } from './exitCodes';
import { captureIO } from './io';
import { runCli, usage } from './main';

const ROOT = resolve(__dirname, '../..');
const EXAMPLES = join(ROOT, 'public/examples');

async function cli(args: string[], files: Record<string, string> = {}) {
  const io = captureIO(files);
  const code = await runCli(args, io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

describe('help and version', () => {
  it('memscope --help, -h and help list every command and the exit codes on stdout, exit 0', async () => {
    for (const args of [['--help'], ['-h'], ['help']]) {
      const r = await cli(args);
      expect(r).toEqual({ code: 0, stdout: usage(), stderr: '' });
    }
    for (const c of commands) expect(usage()).toContain(`  ${c.name}`);
    expect(usage()).toContain(`exit codes:\n${exitCodeLines()}`);
  });

  it('memscope help CMD, CMD --help and CMD -h print the same help on stdout, exit 0', async () => {
    for (const c of commands) {
      for (const args of [
        ['help', c.name],
        [c.name, '--help'],
        [c.name, '-h'],
        [c.name, 'x', '--help'],
      ]) {
        const r = await cli(args);
        expect(r, args.join(' ')).toEqual({ code: 0, stdout: c.help, stderr: '' });
      }
      expect(c.help.startsWith(`usage: ${c.usage}\n`)).toBe(true);
    }
    const exec = commands.find((c) => c.name === 'exec')!;
    expect(exec.help).toMatch(/^ {2}--max-steps N +stop after N instructions/m);
    expect(exec.help).toContain(exitCodeLines([0, 1, 2, 3, 4, 5]));
  });

  it('--version prints package.json version', async () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(await cli(['--version'])).toEqual({ code: 0, stdout: `memscope ${version}\n`, stderr: '' });
  });
});

describe('usage errors', () => {
  it('an unknown option exits with the usage code, naming it, then the command usage line', async () => {
    for (const c of commands) {
      const r = await cli([c.name, 'x', '--bogus']);
      expect(r.code).toBe(EXIT.usage);
      expect(r.stdout).toBe('');
      expect(r.stderr.split('\n').slice(0, 2)).toEqual([
        'error: unknown option `--bogus`',
        `usage: ${c.usage}`,
      ]);
    }
  });

  it('a missing value, a bad value and a value given to a flag are usage errors', async () => {
    const elf = join(EXAMPLES, 'hello.elf');
    expect((await cli(['exec', elf, '--input'])).stderr).toMatch(
      /^error: option `--input` needs a value\nusage: memscope exec /,
    );
    expect((await cli(['exec', elf, '--mode=fast'])).stderr).toMatch(
      /^error: bad --mode `fast` \(expected persistent\|volatile\)\n/,
    );
    expect((await cli(['exec', elf, '--max-steps', '-3'])).code).toBe(EXIT.usage);
    expect((await cli(['run', 'x.mtrace', '--summary=yes'])).stderr).toMatch(
      /^error: option `--summary` takes no value\n/,
    );
    expect((await cli(['run', 'x.mtrace', '--dump', '2:0:4'])).stderr).toMatch(
      /^error: --dump needs --at T\n/,
    );
  });

  it('an unknown or missing command exits 1 with the command list', async () => {
    for (const args of [['bogus'], [], ['help', 'bogus']]) {
      const r = await cli(args);
      expect(r.code).toBe(EXIT.usage);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(usage());
    }
  });

  it('--opt=value is --opt value', async () => {
    const elf = join(EXAMPLES, 'hello.elf');
    const spaced = await cli(['exec', elf, '--mode', 'volatile', '--max-steps', '50']);
    const joined = await cli(['exec', '--mode=volatile', '--max-steps=50', elf]);
    expect(spaced.code).toBe(EXIT.stepLimit);
    expect(joined).toEqual(spaced);
  });
});

describe('exit codes: one table', () => {
  it("README's table is the code's table, row for row", () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    // (prettier pads the table's cells)
    const rows = [...readme.matchAll(/^\| (\d) +\| (.*?) *\|$/gm)].map((m) => [Number(m[1]), m[2]]);
    expect(rows).toEqual(EXIT_CODE_HELP.map(([c, t]) => [c, t]));
    expect(Object.values(EXIT).sort()).toEqual(EXIT_CODE_HELP.map(([c]) => c));
  });

  it('bad --input content is invalid input (2); an --input file that cannot be read is a usage error (1)', async () => {
    const sum = join(EXAMPLES, 'sum_input.elf');
    const odd = await cli(['exec', sum, '--input', '0x012']);
    expect(odd.code).toBe(EXIT.invalidInput);
    expect(odd.stderr).toMatch(/^error: --input: .*even length/);
    const badJson = await cli(['exec', sum, '--input', 'in.json'], { 'in.json': '{"input": 3}' });
    expect(badJson.code).toBe(EXIT.invalidInput);
    const missing = await cli(['exec', sum, '--input', '/nonexistent/in.json']);
    expect(missing.code).toBe(EXIT.usage);
    expect(missing.stderr).toMatch(/^error: cannot read input \/nonexistent\/in.json/);
  });
});

describe('exec --format trace progress', () => {
  const matmul = join(EXAMPLES, 'matmul.elf');
  const args = ['exec', matmul, '--format', 'trace', '--max-steps', '20000'];

  it('on a terminal: progress lines on stderr, erased at the end; stdout unchanged', async () => {
    const plain = captureIO();
    const tty = captureIO({}, { msPerRead: 1000 });
    expect(await runCli(args, plain)).toBe(EXIT.stepLimit);
    expect(await runCli(args, tty)).toBe(EXIT.stepLimit);
    expect(tty.stdout).toBe(plain.stdout);
    expect(plain.progressLines).toEqual([]);
    // the clock reads 1 s more at every reading (the start, then a check every 4096 steps): 4 reports in
    // 20000 steps, then the line is erased
    expect(tty.progressLines).toHaveLength(5);
    expect(tty.progressLines[0]).toBe('exec --format trace: 4,096 instructions, 4,096/s');
    expect(tty.progressLines[1]).toBe('exec --format trace: 8,192 instructions, 4,096/s');
    expect(tty.progressLines[4]).toBe('');
    expect(tty.stderr).toBe(plain.stderr);
  });
});
