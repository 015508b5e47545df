// The traced flavour of a compiled block: exactly the interpreter's TracingMemory sequence (OpenVM v1.7
// online.rs, spec §5.3), with TracingMemory's own exact-repeat fast path (`fastPrev`: a 4-cell access to a
// block that already is exactly these 4 cells, in a writable metadata page) inlined as a metadata
// load/compare/store, and every other case a call of readWord/writeWord (splits, merges, first touches,
// copy-on-write pages) with the timestamp synced first. Timestamps inside a block are the entry
// timestamp T plus compile-time offsets, and the access count is set once at the exit.
// The function runs only when TracingMemory.onAccess is null (the driver checks), the register space's
// data and metadata pages are writable (else it returns before instruction 0 and the interpreter runs it),
// and no access of the block can reach MAX_TIMESTAMP (checked at entry, conservatively).
// SAFETY: see blockSource.ts; this file adds fixed text and integers only.

import { LOG_BLOCK_SIZE_SHIFT, TIMESTAMP_MASK } from '../../memory/accessMetadata';
import { MAX_TIMESTAMP } from '../../memory/config';
import { PAGE_BITS, PAGE_MASK, type SpaceStore } from '../../memory/spaceStore';
import type { TracingMemory } from '../../memory/tracingMemory';
import { div, divu, mulh, mulhsu, mulhu, rem, remu } from '../isa/arith';
import { type AccessEmitter, type BlockInput, int, type RegionBlock, regionBody } from './blockSource';

/** Where a region function reports what it did. */
export interface BlockState {
  /** Instructions executed. */
  n: number;
  /** It returned before an instruction it must not run itself (or ran none): the interpreter runs that one. */
  bailed: boolean;
}

/** A compiled traced region: returns the next pc. */
export type TracedBlock = (
  mem: TracingMemory,
  S1: SpaceStore,
  S2: SpaceStore,
  st: BlockState,
  /** Instructions the caller allows: a block starts only if it fits. */
  budget: number,
  /** The entry pc (the region's first block). */
  pc: number,
) => number;

const SIZE4 = 3 << LOG_BLOCK_SIZE_SHIFT; // a 4-cell block's size code in the metadata word
const CODE4 = int(3);
const SHIFT = int(LOG_BLOCK_SIZE_SHIFT);
const MASK = int(TIMESTAMP_MASK);
const PB = int(PAGE_BITS);
const PM = int(PAGE_MASK);

function regUnit(r: number): string {
  if (r % 4 !== 0 || r < 0 || r >= 128) throw new RangeError(`register pointer ${r}`);
  return int(r >>> 2);
}

const traced: AccessEmitter = {
  prologue: () =>
    'const rw = S1.wordPagesW[0], rm = S1.metaPagesW[0];\n' +
    'let T = mem.timestamp, A = mem.accesses, L = mem.lastTPrev;\n' +
    'let a = 0, b = 0, v = 0, m = 0, p = 0, P = 0, s = 0, x = 0, u = 0, i = 0, wp, mp;\n' +
    'if (rw === undefined || rm === undefined) { st.n = 0; st.bailed = true; return pc; }',
  peekReg: (dst, r) => `${dst} = rw[${regUnit(r)}];`,
  readReg: (dst, r, k) => {
    const U = regUnit(r);
    return (
      `m = rm[${U}]; if (m >>> ${SHIFT} === ${CODE4}) { rm[${U}] = T + ${int(k + SIZE4)}; L = m & ${MASK}; ${dst} = rw[${U}]; }` +
      ` else { mem.timestamp = T + ${int(k)}; ${dst} = mem.readWord(1, ${int(r)}); L = mem.lastTPrev; }`
    );
  },
  writeReg: (r, value, k) => {
    const U = regUnit(r);
    return (
      `v = ${value}; m = rm[${U}]; if (m >>> ${SHIFT} === ${CODE4}) { rm[${U}] = T + ${int(k + SIZE4)}; L = m & ${MASK}; rw[${U}] = v; }` +
      ` else { mem.timestamp = T + ${int(k)}; mem.writeWord(1, ${int(r)}, v); L = mem.lastTPrev; }`
    );
  },
  readMem: (dst, k) =>
    `u = P >>> 2; mp = S2.metaPagesW[u >>> ${PB}]; i = u & ${PM};\n` +
    `if (mp !== undefined && (m = mp[i]) >>> ${SHIFT} === ${CODE4}) { mp[i] = T + ${int(k + SIZE4)}; L = m & ${MASK};` +
    ` wp = S2.wordPages[P >>> ${PB}]; ${dst} = wp === undefined ? 0 : wp[(P & ${PM}) >>> 2]; }` +
    ` else { mem.timestamp = T + ${int(k)}; ${dst} = mem.readWord(2, P); L = mem.lastTPrev; }`,
  writeMem: (value, k) =>
    `u = P >>> 2; mp = S2.metaPagesW[u >>> ${PB}]; i = u & ${PM}; wp = S2.wordPagesW[P >>> ${PB}];\n` +
    `if (mp !== undefined && wp !== undefined && (m = mp[i]) >>> ${SHIFT} === ${CODE4}) { mp[i] = T + ${int(k + SIZE4)};` +
    ` L = m & ${MASK}; wp[(P & ${PM}) >>> 2] = ${value}; }` +
    ` else { mem.timestamp = T + ${int(k)}; mem.writeWord(2, P, ${value}); L = mem.lastTPrev; }`,
  writeMemMasked: (mask, value, k) =>
    `u = P >>> 2; mp = S2.metaPagesW[u >>> ${PB}]; i = u & ${PM}; wp = S2.wordPagesW[P >>> ${PB}];\n` +
    `if (mp !== undefined && wp !== undefined && (m = mp[i]) >>> ${SHIFT} === ${CODE4}) { mp[i] = T + ${int(k + SIZE4)};` +
    ` L = m & ${MASK}; u = (P & ${PM}) >>> 2; wp[u] = (wp[u] & ~${mask}) | (${value} & ${mask}); }` +
    ` else { s = mem.peekWord(2, P); mem.timestamp = T + ${int(k)};` +
    ` mem.writeWord(2, P, (s & ~${mask}) | (${value} & ${mask})); L = mem.lastTPrev; }`,
  // Every access of the block stays below MAX_TIMESTAMP (TracingMemory would throw: the interpreter does).
  canStart: (totalTs) => `T <= ${int(MAX_TIMESTAMP - totalTs)}`,
  account: (_start, _n, ts, acc) => `T += ${int(ts)}; A += ${int(acc)};`,
  leave: (bailed) =>
    `mem.timestamp = T; mem.accesses = A; mem.lastTPrev = L; st.n = I; st.bailed = ${bailed ? 'true' : 'I === 0'}; return pc;`,
};

const ARITH = { mulh, mulhsu, mulhu, div, divu, rem, remu };

/** The source of a traced block (exported for the safety tests). */
export function tracedSource(input: BlockInput, blocks: readonly RegionBlock[]): string {
  return (
    '"use strict";\nconst { mulh, mulhsu, mulhu, div, divu, rem, remu } = env;\n' +
    `return function region(mem, S1, S2, st, budget, pc) {\n${regionBody(input, blocks, traced)}\n};`
  );
}

/** Compiles one traced block (new Function: needs 'unsafe-eval' under a Content Security Policy). */
export function compileTraced(input: BlockInput, blocks: readonly RegionBlock[]): TracedBlock {
  const factory = new Function('env', tracedSource(input, blocks)) as (env: typeof ARITH) => TracedBlock;
  return factory(ARITH);
}
