// Which instruction family caused each access-adapter row: every split/merge record TracingMemory appends
// while an instruction executes is charged to that instruction's chip family (RV32IM, or the extension
// chip of OpenVM v1.7 that executes it: Keccak-256, SHA-256, Int256, modular, Fp2, ECC, pairing; "RV32IM"
// is every instruction of the RV32I, RV32M and IO extensions and the system's phantoms), and the
// records of `finalize` (TracingMemory::finalize, online.rs) to a cause of their own. A record adds rows
// to every AccessAdapterAir<N> from twice its lowest block size up to its block size (adapterCost.ts), so
// the rows are attributed through the record log's row counters, not re-derived.
// The chip family of an opcode follows OP_CHIP (guest/isa/opcodes.ts) and, for the custom-1 words, the
// extension the transpilers assign (guest/extensions/algebra/algebraDecode.ts): a modular hint (HintNonQr,
// HintSqrt, PHANTOMs of the algebra extension) counts as modular, the final-exponentiation hint as pairing.
// Invariants: the attributed rows of each N sum to the record log's rows (nothing is charged twice or
// lost: every flush moves the log's counters forward to where they are). Cost: one array lookup and one
// compare per instruction; a five-entry flush only when records were appended.

import { decodeAlgebraWord } from '../guest/extensions/algebra/algebraDecode';
import * as O from '../guest/isa/opcodes';
import type { RecordLog } from '../memory/recordLog';

/** The causes in display order; the index is the cause id. */
export const ADAPTER_CAUSES = [
  'RV32IM',
  'Keccak-256',
  'SHA-256',
  'Int256',
  'modular',
  'Fp2',
  'ECC',
  'pairing',
  'script accesses',
  'finalize',
] as const;
export type AdapterCause = (typeof ADAPTER_CAUSES)[number];

export const CAUSE_RV32IM = 0;
export const CAUSE_SCRIPT = ADAPTER_CAUSES.indexOf('script accesses');
export const CAUSE_FINALIZE = ADAPTER_CAUSES.indexOf('finalize');

const ALGEBRA_CAUSE: Record<string, AdapterCause> = {
  modular: 'modular',
  fp2: 'Fp2',
  ecc: 'ECC',
  pairing: 'pairing',
};

/** The cause id of one decoded instruction (its interpreter opcode word and imm; see guest/isa/decoder.ts). */
export function instructionCause(code: number, imm: number): number {
  const op = code & 0xff;
  if (op === O.OP_KECCAK256) return ADAPTER_CAUSES.indexOf('Keccak-256');
  if (op === O.OP_SHA256) return ADAPTER_CAUSES.indexOf('SHA-256');
  if (op >= O.OP_ADD256 && op <= O.OP_BGEU256) return ADAPTER_CAUSES.indexOf('Int256');
  if (op === O.OP_ALGEBRA) {
    const d = decodeAlgebraWord(imm >>> 0);
    if (d !== undefined && 'ok' in d) return ADAPTER_CAUSES.indexOf(ALGEBRA_CAUSE[d.ok.extension]);
  }
  return CAUSE_RV32IM;
}

/** The cause of every instruction of a program, indexed like its decoded code. */
export function instructionCauses(code: Int32Array, imm: Int32Array): Uint8Array {
  const out = new Uint8Array(code.length);
  for (let i = 0; i < code.length; i++) out[i] = instructionCause(code[i], imm[i]);
  return out;
}

/** Rows per (cause, AccessAdapterAir<N>), charged from a record log's counters as the run goes. */
export class CauseTally {
  /** rows[cause * 5 + k]: rows of AccessAdapterAir<ADAPTER_SIZES[k]> caused by ADAPTER_CAUSES[cause]. */
  readonly rows = new Float64Array(ADAPTER_CAUSES.length * 5);
  private readonly seen = new Float64Array(5);
  private seenRecords = 0;

  constructor(private readonly log: RecordLog) {}

  /** Charges every record appended since the last call to `cause`. */
  flush(cause: number): void {
    const log = this.log;
    const total = log.splits + log.merges;
    if (total === this.seenRecords) return;
    this.seenRecords = total;
    for (let k = 0; k < 5; k++) {
      const d = log.rows[k] - this.seen[k];
      if (d !== 0) {
        this.rows[cause * 5 + k] += d;
        this.seen[k] = log.rows[k];
      }
    }
  }

  /** Rows of AccessAdapterAir<ADAPTER_SIZES[k]> per cause (ADAPTER_CAUSES order). */
  byCause(): number[][] {
    return ADAPTER_CAUSES.map((_, c) => Array.from(this.rows.subarray(c * 5, c * 5 + 5)));
  }
}
