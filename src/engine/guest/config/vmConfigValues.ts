// Typed reads of parsed openvm.toml values with serde's rules (vmConfig.ts): each helper either returns the
// value in the shape the OpenVM struct expects or throws EngineError('config') naming the key path and what
// serde would have said ("invalid type: integer `7`, expected a string"). Big integers use
// serde_with::DisplayFromStr for BigUint: a TOML *string* of decimal digits.

import { EngineError } from '../../errors';

export type TomlTable = Record<string, unknown>;

export function configError(source: string, key: string, what: string): never {
  throw new EngineError('config', `${source}: ${key}: ${what}`);
}

function describe(v: unknown): string {
  if (typeof v === 'string') return `string "${v}"`;
  if (typeof v === 'bigint' || typeof v === 'number') return `integer \`${v}\``;
  if (typeof v === 'boolean') return `boolean \`${v}\``;
  if (Array.isArray(v)) return 'an array';
  if (v instanceof Date || (typeof v === 'object' && v !== null && 'toISOString' in v)) return 'a date';
  return 'a table';
}

export function isTable(v: unknown): v is TomlTable {
  return (
    typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date) && !('toISOString' in v)
  );
}

export function expectTable(v: unknown, source: string, key: string): TomlTable {
  if (!isTable(v)) configError(source, key, `invalid type: ${describe(v)}, expected a table`);
  return v;
}

export function expectArray(v: unknown, source: string, key: string): unknown[] {
  if (!Array.isArray(v)) configError(source, key, `invalid type: ${describe(v)}, expected an array`);
  return v;
}

export function expectString(v: unknown, source: string, key: string): string {
  if (typeof v !== 'string') configError(source, key, `invalid type: ${describe(v)}, expected a string`);
  return v;
}

export function expectBool(v: unknown, source: string, key: string): boolean {
  if (typeof v !== 'boolean') configError(source, key, `invalid type: ${describe(v)}, expected a boolean`);
  return v;
}

/** A usize / u32 field: a non-negative TOML integer below `limit`. */
export function expectUint(v: unknown, source: string, key: string, limit = 2 ** 53): number {
  if (typeof v !== 'number' && typeof v !== 'bigint')
    configError(source, key, `invalid type: ${describe(v)}, expected an unsigned integer`);
  if (v < 0 || BigInt(v) >= BigInt(limit))
    configError(source, key, `invalid value: integer \`${v}\`, expected an integer in 0..${limit}`);
  return Number(v);
}

/** serde_with DisplayFromStr for BigUint: a string of decimal digits (num-bigint's FromStr). */
export function bigUintField(v: unknown, source: string, key: string): bigint {
  const s = expectString(v, source, key);
  if (!/^\+?[0-9](_?[0-9])*$/.test(s))
    configError(source, key, `invalid digit found in string "${s}" (expected a decimal integer)`);
  return BigInt(s.replace(/[+_]/g, ''));
}

/** A `[u32; 2]` array. */
export function u32Pair(v: unknown, source: string, key: string): [number, number] {
  const a = expectArray(v, source, key);
  if (a.length !== 2) configError(source, key, `invalid length ${a.length}, expected an array of length 2`);
  return [expectUint(a[0], source, `${key}[0]`, 2 ** 32), expectUint(a[1], source, `${key}[1]`, 2 ** 32)];
}

/** An `Option<UnitStruct>`: absent = false; a table (any keys, ignored by serde) = true. */
export function unitTable(v: unknown, source: string, key: string, warnings: string[]): boolean {
  if (v === undefined) return false;
  const t = expectTable(v, source, key);
  warnings.push(...unknownKeys(t, [], `${key}.`));
  return true;
}

/** Keys of `t` serde would ignore, as warnings ("unknown key `x`: ignored, as OpenVM does"). */
export function unknownKeys(t: TomlTable, known: readonly string[], prefix: string): string[] {
  return Object.keys(t)
    .filter((k) => !known.includes(k))
    .map((k) => `unknown key \`${prefix}${k}\` is ignored (OpenVM's serde ignores it too)`);
}
