// The metered flavour of a compiled block: what OpenVM v1.7's metered execution counts
// (crates/vm/src/arch/execution_mode/metered/ctx.rs, memory_ctx.rs), with no tracing at all. Registers
// and memory are the TracingMemory's pages read and written untraced; each AS2 access reports its Merkle
// page (memory_ctx.rs update_boundary_merkle_heights: page = ptr >> (CHUNK_BITS + PAGE_BITS)) through
// `st.touch` unless it is the page the last access of this window touched; the chip rows of the block's
// instructions are added to the heights once per exit (per-AIR counts summed at compile time), not per
// instruction. The segment check is the driver's (metering/meteredPass.ts), between blocks.
// SAFETY: see blockSource.ts; the AIR ids placed in the source are integers checked against the heights'
// length.

import type { SpaceStore } from '../../memory/spaceStore';
import { PAGE_BITS, PAGE_MASK } from '../../memory/spaceStore';
import { div, divu, mulh, mulhsu, mulhu, rem, remu } from '../isa/arith';
import { type AccessEmitter, type BlockInput, int, type RegionBlock, regionBody } from './blockSource';

/** The metered pass's state a block reads and writes. */
export interface MeteredState {
  /** Instructions the last region call executed. */
  n: number;
  /** It returned before an instruction it must not run itself (or ran none): the interpreter runs that one. */
  bailed: boolean;
  /** The Merkle page (ptr >>> 9 of AS2) the last access touched in this window (-1: none). */
  page: number;
  /** An AS2 access of 4 cells at `ptr` on a page other than `page` (it sets `page`). */
  touch(ptr: number): void;
}

/** A compiled metered region: returns the next pc. `budget`: instructions before the next segment check. */
export type MeteredBlock = (
  S1: SpaceStore,
  S2: SpaceStore,
  st: MeteredState,
  H: Float64Array,
  budget: number,
  pc: number,
) => number;

export interface MeteredBlockInput extends BlockInput {
  /** Per instruction index: the AIR its chip row goes to (-1: none). */
  airOf: Int16Array;
  /** The number of AIRs (the heights' length). */
  airCount: number;
}

const PB = int(PAGE_BITS);
const PM = int(PAGE_MASK);
/** memory_ctx.rs: CHUNK_BITS (3) + PAGE_BITS (6). */
const MERKLE_PAGE_SHIFT = int(9);

function regUnit(r: number): string {
  if (r % 4 !== 0 || r < 0 || r >= 128) throw new RangeError(`register pointer ${r}`);
  return int(r >>> 2);
}

const TOUCH = `if ((P >>> ${MERKLE_PAGE_SHIFT}) !== st.page) st.touch(P);`;

function emitter(input: MeteredBlockInput): AccessEmitter {
  const { airOf, airCount } = input;
  /** Heights added by the first n instructions of the block at `start`. */
  const rows = (start: number, n: number): string => {
    const counts = new Map<number, number>();
    for (let i = 0; i < n; i++) {
      const air = airOf[start + i];
      if (air < 0) continue;
      if (!Number.isInteger(air) || air >= airCount) throw new RangeError(`AIR id ${air}`);
      counts.set(air, (counts.get(air) ?? 0) + 1);
    }
    return [...counts].map(([air, c]) => `H[${int(air)}] += ${int(c)};`).join(' ');
  };
  return {
    prologue: () =>
      'const rw = S1.wordPagesW[0];\n' +
      'let a = 0, b = 0, v = 0, p = 0, P = 0, s = 0, x = 0, u = 0, wp;\n' +
      'if (rw === undefined) { st.n = 0; st.bailed = true; return pc; }',
    peekReg: (dst, r) => `${dst} = rw[${regUnit(r)}];`,
    readReg: (dst, r) => `${dst} = rw[${regUnit(r)}];`,
    writeReg: (r, value) => `rw[${regUnit(r)}] = ${value};`,
    readMem: (dst) =>
      `wp = S2.wordPages[P >>> ${PB}]; ${dst} = wp === undefined ? 0 : wp[(P & ${PM}) >>> 2]; ${TOUCH}`,
    writeMem: (value) =>
      `wp = S2.wordPagesW[P >>> ${PB}]; if (wp === undefined) wp = S2.wordPage(P >>> ${PB});` +
      ` wp[(P & ${PM}) >>> 2] = ${value}; ${TOUCH}`,
    writeMemMasked: (mask, value) =>
      `wp = S2.wordPagesW[P >>> ${PB}]; if (wp === undefined) wp = S2.wordPage(P >>> ${PB});` +
      ` u = (P & ${PM}) >>> 2; wp[u] = (wp[u] & ~${mask}) | (${value} & ${mask}); ${TOUCH}`,
    canStart: () => 'true',
    account: (start, n) => rows(start, n),
    leave: (bailed) => `st.n = I; st.bailed = ${bailed ? 'true' : 'I === 0'}; return pc;`,
  };
}

const ARITH = { mulh, mulhsu, mulhu, div, divu, rem, remu };

export function meteredSource(input: MeteredBlockInput, blocks: readonly RegionBlock[]): string {
  return (
    '"use strict";\nconst { mulh, mulhsu, mulhu, div, divu, rem, remu } = env;\n' +
    `return function region(S1, S2, st, H, budget, pc) {\n${regionBody(input, blocks, emitter(input))}\n};`
  );
}

/** Compiles one metered block (new Function: needs 'unsafe-eval' under a Content Security Policy). */
export function compileMetered(input: MeteredBlockInput, blocks: readonly RegionBlock[]): MeteredBlock {
  const factory = new Function('env', meteredSource(input, blocks)) as (env: typeof ARITH) => MeteredBlock;
  return factory(ARITH);
}
