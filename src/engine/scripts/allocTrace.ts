// Parser for `.alloc` allocation traces (../shared/spec/alloc-trace-format.md): one directive per line,
// blank lines and `#` comments ignored. It checks everything the format fixes (directive names, argument
// counts, decimal numbers, `config` keys and position, the `free_offset` range) before anything runs, so
// a malformed line is reported as `error: line N: <what>` with every directive before it kept.
// Limits of the model (reported as malformed): numbers above 2^53 - 1 and thread numbers above 2^32 - 1.
import type { AllocatorConfig } from '../alloc/orthotope/config';

/** The default trace config: orthotope's default tuning with a 64 MiB arena. */
export const DEFAULT_TRACE_CONFIG: AllocatorConfig = {
  arenaSize: 67_108_864,
  alignment: 64,
  refillTargetBytes: 32_768,
  localCacheTargetBytes: 65_536,
};

export type AllocDirective =
  | {
      readonly op: 'alloc';
      readonly line: number;
      readonly id: string;
      readonly size: number;
      readonly thread: number;
    }
  | { readonly op: 'free'; readonly line: number; readonly id: string; readonly thread: number }
  | {
      readonly op: 'free_sized';
      readonly line: number;
      readonly id: string;
      readonly size: number;
      readonly thread: number;
    }
  | { readonly op: 'free_forged'; readonly line: number; readonly id: string; readonly thread: number }
  | { readonly op: 'free_offset'; readonly line: number; readonly offset: number; readonly thread: number }
  | { readonly op: 'stats'; readonly line: number };

/** A malformed trace: the kind, what is wrong and the 1-based line. */
export interface TraceError {
  readonly kind: 'MalformedTrace';
  readonly message: string;
  readonly location: { readonly line: number };
}

export interface AllocTrace {
  readonly config: AllocatorConfig;
  /** Every directive up to (not including) the first malformed line. */
  readonly directives: readonly AllocDirective[];
  readonly error: TraceError | null;
}

const CONFIG_KEYS: Record<string, keyof AllocatorConfig> = {
  arena: 'arenaSize',
  align: 'alignment',
  refill: 'refillTargetBytes',
  local: 'localCacheTargetBytes',
};
const MAX_THREAD = 0xffff_ffff;

class Malformed extends Error {}

function parseNumber(text: string, what: string, max = Number.MAX_SAFE_INTEGER): number {
  if (!/^[0-9]+$/.test(text)) throw new Malformed(`${what} must be a decimal number, got \`${text}\``);
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value > max)
    throw new Malformed(`${what} ${text} is too large (at most ${max})`);
  return value;
}

function arity(words: string[], min: number, max: number, shape: string): void {
  const n = words.length - 1;
  if (n < min || n > max)
    throw new Malformed(`\`${words[0]}\` takes ${shape}, got ${n} argument${n === 1 ? '' : 's'}`);
}

const thread = (words: string[], index: number) =>
  words.length > index ? parseNumber(words[index], 'THREAD', MAX_THREAD) : 0;

function parseConfig(words: string[], base: AllocatorConfig): AllocatorConfig {
  const config: Record<keyof AllocatorConfig, number> = { ...base };
  const seen = new Set<string>();
  for (const word of words.slice(1)) {
    const eq = word.indexOf('=');
    const key = eq < 0 ? word : word.slice(0, eq);
    const field = CONFIG_KEYS[key];
    if (eq < 0 || field === undefined)
      throw new Malformed(`\`config\` expects arena=N align=N refill=N local=N, got \`${word}\``);
    if (seen.has(key)) throw new Malformed(`\`config\` sets \`${key}\` twice`);
    seen.add(key);
    config[field] = parseNumber(word.slice(eq + 1), key);
  }
  return config;
}

function parseDirective(words: string[], line: number, config: AllocatorConfig): AllocDirective {
  switch (words[0]) {
    case 'alloc':
      arity(words, 2, 3, 'ID SIZE [THREAD]');
      return {
        op: 'alloc',
        line,
        id: words[1],
        size: parseNumber(words[2], 'SIZE'),
        thread: thread(words, 3),
      };
    case 'free':
      arity(words, 1, 2, 'ID [THREAD]');
      return { op: 'free', line, id: words[1], thread: thread(words, 2) };
    case 'free_sized':
      arity(words, 2, 3, 'ID SIZE [THREAD]');
      return {
        op: 'free_sized',
        line,
        id: words[1],
        size: parseNumber(words[2], 'SIZE'),
        thread: thread(words, 3),
      };
    case 'free_forged':
      arity(words, 1, 2, 'ID [THREAD]');
      return { op: 'free_forged', line, id: words[1], thread: thread(words, 2) };
    case 'free_offset': {
      arity(words, 1, 2, 'OFF [THREAD]');
      const offset = parseNumber(words[1], 'OFF');
      if (offset < 64 || offset > config.arenaSize)
        throw new Malformed(`OFF must be in 64..=${config.arenaSize} (the arena size), got ${offset}`);
      return { op: 'free_offset', line, offset, thread: thread(words, 2) };
    }
    case 'stats':
      arity(words, 0, 0, 'no arguments');
      return { op: 'stats', line };
    case 'config':
      throw new Malformed('`config` must come before every other directive');
    default:
      throw new Malformed(
        `unknown directive \`${words[0]}\` (expected config, alloc, free, free_sized, free_forged, free_offset or stats)`,
      );
  }
}

/** Parses a whole trace. Never throws: a malformed line ends the parse with `error` set. */
export function parseAllocTrace(text: string): AllocTrace {
  let config = DEFAULT_TRACE_CONFIG;
  let sawConfig = false;
  const directives: AllocDirective[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i].endsWith('\r') ? lines[i].slice(0, -1) : lines[i];
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const words = trimmed.split(/[ \t]+/);
    try {
      if (words[0] === 'config') {
        if (sawConfig) throw new Malformed('a second `config` line');
        if (directives.length > 0) throw new Malformed('`config` must come before every other directive');
        config = parseConfig(words, config);
        sawConfig = true;
      } else {
        directives.push(parseDirective(words, i + 1, config));
      }
    } catch (e) {
      if (!(e instanceof Malformed)) throw e;
      return {
        config,
        directives,
        error: { kind: 'MalformedTrace', message: e.message, location: { line: i + 1 } },
      };
    }
  }
  return { config, directives, error: null };
}
