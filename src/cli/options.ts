// Declarative command-line options on `node:util` `parseArgs` (strict): a command declares a table
// `{ name: option }` built with the constructors below, one line per option, and receives the values typed
// and converted (`--mode` is `'persistent' | 'volatile'`, `--max-steps` a number). `--opt value` and
// `--opt=value` both work; an unknown option, a missing or bad value, or a wrong operand count is a
// UsageError, which the dispatcher prints with the command's usage line (exit code EXIT.usage).
// The same table renders the usage line and the option list of `--help`.
import { parseArgs } from 'node:util';

export class UsageError extends Error {}

export interface OptionSpec<T> {
  readonly kind: 'flag' | 'value' | 'list';
  /** The value's name in usage (`FILE`, `N`, `persistent|volatile`); empty for flags. */
  readonly placeholder: string;
  readonly help: string;
  readonly short?: string;
  /** Converts what parseArgs returned (undefined when absent); throws UsageError naming `flag`. */
  readonly convert: (raw: string | boolean | string[] | undefined, flag: string) => T;
}

export type OptionTable = Record<string, OptionSpec<unknown>>;
export type OptionValues<O extends OptionTable> = {
  [K in keyof O]: O[K] extends OptionSpec<infer T> ? T : never;
};

/** A converter's verdict on one value: the value, or a string saying what is wrong with it. */
type Parse<T> = (text: string) => T | { error: string };

function convertOne<T>(parse: Parse<T>, text: string, flag: string, placeholder: string): T {
  const v = parse(text);
  if (typeof v === 'object' && v !== null && 'error' in v)
    throw new UsageError(`bad ${flag} \`${text}\` (${v.error})`);
  if (v === undefined) throw new UsageError(`bad ${flag} \`${text}\` (expected ${placeholder})`);
  return v as T;
}

/** `--name`: true when given. */
export function flag(help: string, short?: string): OptionSpec<boolean> {
  return { kind: 'flag', placeholder: '', help, short, convert: (raw) => raw === true };
}

/** `--name VALUE`, converted by `parse`; `fallback` when absent. */
export function value<T>(placeholder: string, help: string, parse: Parse<T>): OptionSpec<T | undefined>;
export function value<T>(placeholder: string, help: string, parse: Parse<T>, fallback: T): OptionSpec<T>;
export function value<T>(
  placeholder: string,
  help: string,
  parse: Parse<T>,
  fallback?: T,
): OptionSpec<T | undefined> {
  return {
    kind: 'value',
    placeholder,
    help: fallback === undefined ? help : `${help} (default ${String(fallback)})`,
    convert: (raw, f) => (typeof raw === 'string' ? convertOne(parse, raw, f, placeholder) : fallback),
  };
}

/** `--name VALUE` kept as given (a file name, a hex string). */
export function text(placeholder: string, help: string): OptionSpec<string | undefined> {
  return value(placeholder, help, (s) => s);
}

/** `--name a|b|c`: one of `choices`. */
export function choice<C extends string>(choices: readonly C[], help: string): OptionSpec<C | undefined>;
export function choice<C extends string>(choices: readonly C[], help: string, fallback: C): OptionSpec<C>;
export function choice<C extends string>(
  choices: readonly C[],
  help: string,
  fallback?: C,
): OptionSpec<C | undefined> {
  const placeholder = choices.join('|');
  const parse = (s: string) => (choices.includes(s as C) ? (s as C) : { error: `expected ${placeholder}` });
  return fallback === undefined ? value(placeholder, help, parse) : value(placeholder, help, parse, fallback);
}

/** A decimal (or 0x-hex) safe integer >= min. */
export function integerAtLeast(min: number): Parse<number> {
  return (s) => {
    const n = /^(0x[0-9a-fA-F]+|[0-9]+)$/.test(s) ? Number(s) : NaN;
    return Number.isSafeInteger(n) && n >= min ? n : { error: `expected an integer >= ${min}` };
  };
}

/** `--name N`: an integer >= min. */
export function integer(placeholder: string, help: string, min: number): OptionSpec<number | undefined>;
export function integer(placeholder: string, help: string, min: number, fallback: number): OptionSpec<number>;
export function integer(
  placeholder: string,
  help: string,
  min: number,
  fallback?: number,
): OptionSpec<number | undefined> {
  return fallback === undefined
    ? value(placeholder, help, integerAtLeast(min))
    : value(placeholder, help, integerAtLeast(min), fallback);
}

/** `--name VALUE`, repeatable: every value in order. */
export function repeated<T>(placeholder: string, help: string, parse: Parse<T>): OptionSpec<T[]> {
  return {
    kind: 'list',
    placeholder,
    help: `${help} (repeatable)`,
    convert: (raw, f) => (Array.isArray(raw) ? raw.map((s) => convertOne(parse, s, f, placeholder)) : []),
  };
}

export interface ParsedLine<O extends OptionTable> {
  values: OptionValues<O>;
  operands: string[];
  help: boolean;
}

/** Node's parseArgs messages, reworded as `unknown option \`--x\``, `option \`--x\` needs a value`. */
function reword(e: Error & { code?: string }): string {
  // The quoted part is `--x`, `--x <value>` or `-x, --xx`: the long name is the last dashed word in it.
  const quoted = /'([^']*)'/.exec(e.message)?.[1] ?? '';
  const name = quoted.match(/-{1,2}[A-Za-z0-9][\w-]*/g)?.pop() ?? quoted;
  switch (e.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option \`${name}\``;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /argument missing/.test(e.message)
        ? `option \`${name}\` needs a value`
        : `option \`${name}\` takes no value`;
    default:
      return e.message;
  }
}

/**
 * Parses `args` against `options` (plus `-h/--help`) and checks the operand count: `operands` names the
 * required ones; a name in brackets (`[FILE]`) is optional. Throws UsageError.
 */
export function parseCommandLine<O extends OptionTable>(
  options: O,
  operandNames: readonly string[],
  args: readonly string[],
): ParsedLine<O> {
  const config: Record<string, { type: 'string' | 'boolean'; multiple?: boolean; short?: string }> = {
    help: { type: 'boolean', short: 'h' },
  };
  for (const [name, o] of Object.entries(options)) {
    config[name] = { type: o.kind === 'flag' ? 'boolean' : 'string', multiple: o.kind === 'list' };
    if (o.short !== undefined) config[name].short = o.short;
  }
  let parsed: {
    values: Record<string, string | boolean | (string | boolean)[] | undefined>;
    positionals: string[];
  };
  try {
    parsed = parseArgs({ args: [...args], options: config, strict: true, allowPositionals: true });
  } catch (e) {
    if (e instanceof TypeError && 'code' in e && String(e.code).startsWith('ERR_PARSE_ARGS_'))
      throw new UsageError(reword(e as Error & { code?: string }));
    throw e;
  }
  const help = parsed.values.help === true;
  const values = {} as Record<string, unknown>;
  for (const [name, o] of Object.entries(options))
    values[name] = o.convert(parsed.values[name] as string | boolean | string[] | undefined, `--${name}`);
  const required = operandNames.filter((n) => !n.startsWith('[')).length;
  const n = parsed.positionals.length;
  if (!help && (n < required || n > operandNames.length))
    throw new UsageError(
      n < required
        ? `missing ${operandNames.slice(n, required).join(' ')}`
        : `unexpected operand \`${parsed.positionals[operandNames.length]}\``,
    );
  return { values: values as OptionValues<O>, operands: parsed.positionals, help };
}

/** `[--flag] [--name VALUE] [--list VALUE]...` in table order. */
export function optionSynopsis(options: OptionTable): string {
  return Object.entries(options)
    .map(([name, o]) => {
      const v = o.kind === 'flag' ? `--${name}` : `--${name} ${o.placeholder}`;
      return o.kind === 'list' ? `[${v}]...` : `[${v}]`;
    })
    .join(' ');
}

/** The option list of `--help`, aligned. */
export function optionHelp(options: OptionTable): string {
  const rows: [string, string][] = Object.entries(options).map(([name, o]) => [
    `${o.short ? `-${o.short}, ` : ''}--${name}${o.kind === 'flag' ? '' : ` ${o.placeholder}`}`,
    o.help,
  ]);
  rows.push(['-h, --help', 'print this help and exit']);
  const width = Math.max(...rows.map(([l]) => l.length));
  return rows.map(([l, h]) => `  ${l.padEnd(width)}  ${h}\n`).join('');
}
