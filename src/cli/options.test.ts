import { describe, expect, it } from 'vitest';
import {
  choice,
  flag,
  integer,
  optionHelp,
  optionSynopsis,
  parseCommandLine,
  repeated,
  text,
  UsageError,
} from './options';

const table = {
  verbose: flag('say more', 'v'),
  input: text('FILE', 'the input'),
  mode: choice(['a', 'b'], 'the mode', 'a'),
  kind: choice(['x', 'y'], 'an optional choice'),
  limit: integer('N', 'a limit', 1, 100),
  pair: repeated('P:Q', 'a pair', (s) =>
    /^\d+:\d+$/.test(s) ? s.split(':').map(Number) : { error: 'expected P:Q' },
  ),
};
const parse = (args: string[], operands: string[] = ['FILE']) => parseCommandLine(table, operands, args);
const usageError = (args: string[], operands?: string[]) => {
  try {
    parse(args, operands);
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    return (e as Error).message;
  }
  throw new Error(`no usage error for ${args.join(' ')}`);
};

describe('declarative options on node:util parseArgs', () => {
  it('absent options take their defaults; flags are false, lists empty', () => {
    expect(parse(['f'])).toEqual({
      values: { verbose: false, input: undefined, mode: 'a', kind: undefined, limit: 100, pair: [] },
      operands: ['f'],
      help: false,
    });
  });

  it('--opt value and --opt=value are the same; values are converted; lists keep their order', () => {
    const spaced = parse([
      'f',
      '--input',
      'in.json',
      '--mode',
      'b',
      '--limit',
      '0x10',
      '--pair',
      '1:2',
      '--pair',
      '3:4',
      '-v',
    ]);
    const joined = parse([
      '--input=in.json',
      '--mode=b',
      '--limit=0x10',
      '--pair=1:2',
      '--pair=3:4',
      '--verbose',
      'f',
    ]);
    expect(spaced).toEqual(joined);
    expect(spaced.values).toEqual({
      verbose: true,
      input: 'in.json',
      mode: 'b',
      kind: undefined,
      limit: 16,
      pair: [
        [1, 2],
        [3, 4],
      ],
    });
  });

  it('is strict: unknown options, missing values, values given to flags, bad values are usage errors', () => {
    expect(usageError(['f', '--bogus'])).toBe('unknown option `--bogus`');
    expect(usageError(['f', '-q'])).toBe('unknown option `-q`');
    expect(usageError(['f', '--input'])).toBe('option `--input` needs a value');
    expect(usageError(['f', '--verbose=yes'])).toBe('option `--verbose` takes no value');
    expect(usageError(['f', '--mode', 'c'])).toBe('bad --mode `c` (expected a|b)');
    expect(usageError(['f', '--limit', '0'])).toBe('bad --limit `0` (expected an integer >= 1)');
    expect(usageError(['f', '--limit=1.5'])).toBe('bad --limit `1.5` (expected an integer >= 1)');
    expect(usageError(['f', '--pair', '1-2'])).toBe('bad --pair `1-2` (expected P:Q)');
  });

  it('checks the operand count; [NAME] is optional; --help skips the check', () => {
    expect(usageError([])).toBe('missing FILE');
    expect(usageError(['a', 'b'])).toBe('unexpected operand `b`');
    expect(parse(['a'], ['FILE', '[OUT]']).operands).toEqual(['a']);
    expect(parse(['a', 'b'], ['FILE', '[OUT]']).operands).toEqual(['a', 'b']);
    expect(parse(['--help']).help).toBe(true);
    expect(parse(['-h']).help).toBe(true);
    // an operand that starts with a dash goes after `--`
    expect(parse(['--', '-file']).operands).toEqual(['-file']);
  });

  it('renders the synopsis and the help from the same table', () => {
    expect(optionSynopsis(table)).toBe(
      '[--verbose] [--input FILE] [--mode a|b] [--kind x|y] [--limit N] [--pair P:Q]...',
    );
    const help = optionHelp(table).split('\n');
    expect(help[0]).toBe('  -v, --verbose  say more');
    expect(help[2]).toBe('  --mode a|b     the mode (default a)');
    expect(help[6]).toBe('  -h, --help     print this help and exit');
  });
});
