// OpenVM's `Streams` (crates/vm/src/arch/vm.rs @ v1.7.0) for a guest run: the input stream (a queue of
// field-element vectors), the hint stream (a queue of field elements that HINT_STOREW / HINT_BUFFER pop
// four at a time, each truncated to a byte), the key-value store and the VM's StdRng.
// Semantics of the phantoms that refill them (extensions/rv32im/circuit/src/extension/mod.rs, `phantom`):
//   HintInput     hint := LE bytes of len(v) as 4 elements ++ v zero-padded to a multiple of 4
//   HintRandom    hint := 4n bytes of StdRng output (one next_u32 per byte)
//   HintLoadByKey the decoded vectors are pushed to the FRONT of the input stream, order preserved
// Invariant: the hint stream is a buffer plus a read position; popping never allocates.

import { EngineError } from '../../errors';
import { bytesToHex, type GuestInput } from './input';
import { vmStdRng, type ChaChaPosition, type ChaChaRng } from './stdRng';

export class HintStreams {
  private input: Uint32Array[];
  private inputHead = 0;
  private hint: Uint32Array = new Uint32Array(0);
  private hintPos = 0;
  readonly kvStore: Map<string, Uint8Array>;
  private readonly rng: ChaChaRng = vmStdRng();

  constructor(input: GuestInput) {
    this.input = input.vectors.slice();
    this.kvStore = input.kvStore;
  }

  /** Input vectors not yet consumed by HintInput. */
  get inputRemaining(): number {
    return this.input.length - this.inputHead;
  }

  /** Field elements left in the hint stream. */
  get hintRemaining(): number {
    return this.hint.length - this.hintPos;
  }

  /** The hint stream's remaining elements (a copy, for views). */
  hintSnapshot(): Uint32Array {
    return this.hint.slice(this.hintPos);
  }

  /** Rv32HintInputSubEx. Throws 'EndOfInputStream' when the input stream is empty. */
  hintInput(pc: number): void {
    if (this.inputHead >= this.input.length) {
      throw new EngineError(
        'execution',
        `EndOfInputStream: hintinput at pc 0x${pc.toString(16)} but the input stream is empty (pass more vectors with --input)`,
        { pc },
      );
    }
    const v = this.input[this.inputHead++];
    const padded = Math.ceil(v.length / 4) * 4;
    const next = new Uint32Array(4 + padded);
    const len = v.length;
    next[0] = len & 0xff;
    next[1] = (len >>> 8) & 0xff;
    next[2] = (len >>> 16) & 0xff;
    next[3] = len >>> 24;
    next.set(v, 4);
    this.hint = next;
    this.hintPos = 0;
  }

  /** A phantom that resets the hint stream (`streams.hint_stream = ...`): the algebra and pairing hints. */
  setHint(values: Uint32Array): void {
    this.hint = values;
    this.hintPos = 0;
  }

  /** Rv32HintRandomSubEx: resets the hint stream to 4 * words random bytes. */
  hintRandom(words: number): void {
    const n = words * 4;
    if (n > 1 << 28)
      throw new EngineError('execution', `hintrandom of ${words} words is larger than any guest could use`);
    const next = new Uint32Array(n);
    for (let i = 0; i < n; i++) next[i] = this.rng.nextU8();
    this.hint = next;
    this.hintPos = 0;
  }

  /** Rv32HintLoadByKeySubEx: looks the key up and pushes the decoded vectors to the input stream's front. */
  hintLoadByKey(key: Uint8Array, pc: number): void {
    const value = this.kvStore.get(bytesToHex(key));
    if (value === undefined)
      throw new EngineError(
        'execution',
        `Rv32HintLoadByKey: key not found (key ${bytesToHex(key) || '(empty)'}, pc 0x${pc.toString(16)})`,
        { pc },
      );
    const vectors = decodeKvValue(value, pc);
    this.input = [...vectors, ...this.input.slice(this.inputHead)];
    this.inputHead = 0;
  }

  /**
   * The streams' position (time travel: src/engine/timeline checkpoints it). The vectors and the hint
   * buffer are never written in place, so the snapshot shares them.
   */
  snapshot(): HintStreamsSnapshot {
    return {
      input: this.input,
      inputHead: this.inputHead,
      hint: this.hint,
      hintPos: this.hintPos,
      rng: this.rng.snapshot(),
    };
  }

  restore(s: HintStreamsSnapshot): void {
    this.input = s.input;
    this.inputHead = s.inputHead;
    this.hint = s.hint;
    this.hintPos = s.hintPos;
    this.rng.restore(s.rng);
  }

  /** Pops 4 field elements and truncates each to a byte (`as_canonical_u32() as u8`), as a LE word. */
  popWord(): number {
    const h = this.hint;
    const p = this.hintPos;
    this.hintPos = p + 4;
    return (
      ((h[p] & 0xff) | ((h[p + 1] & 0xff) << 8) | ((h[p + 2] & 0xff) << 16) | ((h[p + 3] & 0xff) << 24)) >>> 0
    );
  }
}

export interface HintStreamsSnapshot {
  readonly input: Uint32Array[];
  readonly inputHead: number;
  readonly hint: Uint32Array;
  readonly hintPos: number;
  readonly rng: ChaChaPosition;
}

/** hint_load_by_key_decode: `u32 n, n x (u32 len, len x u32)`, little-endian. */
export function decodeKvValue(value: Uint8Array, pc: number): Uint32Array[] {
  const view = new DataView(value.buffer, value.byteOffset, value.byteLength);
  const fail = (): never => {
    throw new EngineError(
      'execution',
      `Rv32HintLoadByKey: the stored value (${value.length} bytes) is truncated`,
      { pc },
    );
  };
  let offset = 0;
  const u32 = () => {
    if (offset + 4 > value.length) fail();
    const x = view.getUint32(offset, true);
    offset += 4;
    return x;
  };
  const count = u32();
  const out: Uint32Array[] = [];
  for (let i = 0; i < count; i++) {
    const len = u32();
    if (offset + 4 * len > value.length) fail();
    const v = new Uint32Array(len);
    for (let j = 0; j < len; j++) v[j] = u32() % 2013265921;
    out.push(v);
  }
  return out;
}
