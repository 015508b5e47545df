// Guest input in the OpenVM CLI format (crates/cli/src/input.rs @ v1.7.0): either one hex string or a JSON
// document `{"input": ["0x01...", "0x02...", ...]}`. Each hex string (optional `0x`, even length) starts with
// 01 (the rest are bytes: one field element per byte, StdIn::write_bytes) or 02 (the rest are little-endian
// u32 field elements, reduced mod p like F::from_u32, StdIn::write_field). One string = one input vector.
// memscope extension: an optional `"kv_store": {"<hex key>": "<hex value>"}` object feeds HintLoadByKey
// (values in OpenVM's hint_load_by_key_encode format); the OpenVM CLI has no way to pass one.
// Invariant: every malformed input is an EngineError naming the entry and what is wrong.

import { EngineError } from '../../errors';

export const BABYBEAR_P = 2013265921;

export interface GuestInput {
  /** Input vectors of canonical field elements, in order. */
  vectors: Uint32Array[];
  /** HintLoadByKey store: key bytes as lowercase hex -> value bytes. */
  kvStore: Map<string, Uint8Array>;
}

export function emptyInput(): GuestInput {
  return { vectors: [], kvStore: new Map() };
}

function inputError(message: string): EngineError {
  return new EngineError('input', `input: ${message}`);
}

/** decode_hex_string: validates and decodes one hex string (with its 01/02 prefix byte). */
export function decodeHexString(s: string, where: string): Uint8Array {
  const hex = s.startsWith('0x') ? s.slice(2) : s;
  if (hex.length % 2 !== 0)
    throw inputError(`${where}: the hex string must be of even length (got ${hex.length} digits)`);
  if (!/^[0-9a-fA-F]*$/.test(hex)) throw inputError(`${where}: the hex string must consist of hex digits`);
  if (hex.startsWith('02')) {
    if (hex.length % 8 !== 2)
      throw inputError(
        `${where}: if the hex value starts with 02, a whole number of 32-bit elements must follow`,
      );
  } else if (!hex.startsWith('01')) {
    throw inputError(`${where}: the hex value must start with 01 (bytes) or 02 (field elements)`);
  }
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return bytes;
}

/** read_bytes_into_stdin: one decoded hex string -> one input vector. */
export function vectorFromBytes(bytes: Uint8Array): Uint32Array {
  const data = bytes.subarray(1);
  if (bytes[0] === 0x01) return Uint32Array.from(data);
  const out = new Uint32Array(data.length / 4);
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  for (let i = 0; i < out.length; i++) out[i] = view.getUint32(4 * i, true) % BABYBEAR_P;
  return out;
}

function plainHex(s: string, where: string): Uint8Array {
  const hex = s.startsWith('0x') ? s.slice(2) : s;
  if (hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex))
    throw inputError(`${where}: expected an even-length hex string`);
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return bytes;
}

export function bytesToHex(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += b.toString(16).padStart(2, '0');
  return s;
}

/** Parses `--input` text: a JSON document or one hex string. */
export function parseInput(text: string): GuestInput {
  const trimmed = text.trim();
  if (trimmed === '') return emptyInput();
  if (!trimmed.startsWith('{'))
    return { vectors: [vectorFromBytes(decodeHexString(trimmed, 'hex string'))], kvStore: new Map() };
  let json: unknown;
  try {
    json = JSON.parse(trimmed);
  } catch (e) {
    throw inputError(`not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  const doc = json as { input?: unknown; kv_store?: unknown };
  if (!Array.isArray(doc.input)) throw inputError('input must be an array under the "input" key');
  const vectors = doc.input.map((entry: unknown, i: number) => {
    if (typeof entry !== 'string') throw inputError(`input[${i}]: each value must be a hex string`);
    return vectorFromBytes(decodeHexString(entry, `input[${i}]`));
  });
  const kvStore = new Map<string, Uint8Array>();
  if (doc.kv_store !== undefined) {
    if (typeof doc.kv_store !== 'object' || doc.kv_store === null || Array.isArray(doc.kv_store))
      throw inputError('"kv_store" must be an object of hex key -> hex value');
    for (const [k, v] of Object.entries(doc.kv_store as Record<string, unknown>)) {
      if (typeof v !== 'string') throw inputError(`kv_store[${k}]: the value must be a hex string`);
      kvStore.set(bytesToHex(plainHex(k, `kv_store key ${k}`)), plainHex(v, `kv_store[${k}]`));
    }
  }
  return { vectors, kvStore };
}
