// Wrong answers worth offering: each one is the engine's true record list transformed by one common
// misconception about OpenVM's memory (splits that stop at the access size, merges without splits, a free
// first touch, the other mode's first touch, records stamped with the access's time, ...), with the reason
// it is wrong. Pure functions of the step's facts, so every distractor is computed, never hard-coded, and
// only misconceptions that change the answer are offered.

import type { MemoryMode } from '../memory/config';
import type { RecordCause } from '../views/explainRecord';
import { listKey, type RecordShape } from './recordShape';

export interface FactRecord {
  shape: RecordShape;
  cause: RecordCause;
}

export interface FactAccess {
  op: 'read' | 'write';
  addressSpace: number;
  pointer: number;
  size: number;
  timestamp: number;
  tPrev: number;
  records: FactRecord[];
}

/** What the engine saw when it ran the step. */
export interface StepFacts {
  mode: MemoryMode;
  accesses: FactAccess[];
  /** Records appended by no access (finalize). */
  finalize: FactRecord[];
  /** A guest sub-word load or store (lb, lh, lbu, lhu, sb, sh). */
  subword: boolean;
}

export interface Distractor {
  records: RecordShape[];
  misconception: string;
}

type Transform = (f: StepFacts) => Distractor | null;

const CHUNK = 8;
const alignOf = (as: number) => (as >= 1 && as <= 3 ? 4 : 1);
const isFirstTouch = (c: RecordCause) => c === 'first-touch-split' || c === 'first-touch-zero-merge';
const split = (as: number, p: number, b: number, l: number, t: number): RecordShape => ({
  kind: 'split',
  addressSpace: as,
  pointer: p,
  blockSize: b,
  lowestBlockSize: l,
  timestamp: t,
});
const merge = (as: number, p: number, b: number, l: number, t: number, prev: number[]): RecordShape => ({
  kind: 'merge',
  addressSpace: as,
  pointer: p,
  blockSize: b,
  lowestBlockSize: l,
  timestamp: t,
  prevTimestamps: prev,
});

function all(f: StepFacts): RecordShape[] {
  return [...f.accesses.flatMap((a) => a.records.map((r) => r.shape)), ...f.finalize.map((r) => r.shape)];
}

/** Replaces each access's records by `fn`'s list (null = unchanged); null when nothing changed. */
function perAccess(f: StepFacts, fn: (a: FactAccess) => RecordShape[] | null): RecordShape[] | null {
  let changed = false;
  const out: RecordShape[] = [];
  for (const a of f.accesses) {
    const r = fn(a);
    if (r === null) out.push(...a.records.map((x) => x.shape));
    else {
      changed = true;
      out.push(...r);
    }
  }
  out.push(...f.finalize.map((r) => r.shape));
  return changed ? out : null;
}

const make = (records: RecordShape[] | null, misconception: string): Distractor | null =>
  records === null ? null : { records, misconception };

/** The first touch of [pointer, pointer + size) as `mode` would record it (persistent: chunk splits). */
function firstTouch(mode: MemoryMode, as: number, pointer: number, size: number): RecordShape[] {
  const align = alignOf(as);
  const out: RecordShape[] = [];
  if (mode === 'persistent') {
    for (let c = pointer - (pointer % CHUNK); c < pointer + size; c += CHUNK)
      out.push(split(as, c, CHUNK, align, 0));
  } else if (align > 1) {
    for (let u = pointer; u < pointer + size; u += align)
      out.push(merge(as, u, align, 1, 0, new Array<number>(align).fill(0)));
  }
  return out;
}

const other = (m: MemoryMode): MemoryMode => (m === 'persistent' ? 'volatile' : 'persistent');

// ---------- misconceptions about an access ----------

const subwordBytes: Transform = (f) => {
  const a = f.accesses.at(-1);
  if (!f.subword || a === undefined || a.addressSpace !== 2) return null;
  return make(
    [...all(f), split(2, a.pointer, 4, 1, a.timestamp)],
    'RV32 memory has no blocks smaller than 4 bytes: a byte or half-word store writes the whole aligned word, so no word is ever split into bytes.',
  );
};

const splitToAccess: Transform = (f) => {
  let halves = false;
  const records = perAccess(f, (a) => {
    if (!a.records.some((r) => r.cause === 'existing-block-split')) return null;
    let changed = false;
    let dropMerge = false;
    const out: RecordShape[] = [];
    for (const r of a.records) {
      const { blockSize: b, lowestBlockSize: l, pointer: p } = r.shape;
      if (r.cause !== 'existing-block-split') {
        out.push(r.shape);
        continue;
      }
      const piece = a.size > l && a.size < b ? a.size : b / 2;
      if (piece <= l) {
        out.push(r.shape);
        continue;
      }
      halves ||= piece !== a.size;
      changed = true;
      out.push({ ...r.shape, lowestBlockSize: piece });
      if (piece === a.size && (a.pointer - p) % piece === 0) dropMerge = true;
    }
    if (!changed) return null;
    return dropMerge
      ? out.filter((s, k) => !(s.kind === 'merge' && a.records[k]?.cause === 'access-merge'))
      : out;
  });
  const why = halves ? 'just in halves' : 'to the size of the access';
  return make(
    records,
    `split_by_meta splits a block all the way down to min_block_size, never ${why}: OpenVM keeps one timestamp per block, so every piece gets the block's own.`,
  );
};

const mergeWithoutSplit: Transform = (f) =>
  make(
    perAccess(f, (a) =>
      a.records.some((r) => r.cause === 'existing-block-split') &&
      a.records.some((r) => r.cause === 'access-merge')
        ? a.records.filter((r) => r.cause !== 'existing-block-split').map((r) => r.shape)
        : null,
    ),
    'A merge only starts from min_block_size pieces: every larger block the access overlaps is split all the way down first, and those splits are records too.',
  );

const singleChunk: Transform = (f) =>
  make(
    perAccess(f, (a) => {
      const touches = a.records.filter((r) => r.cause === 'first-touch-split');
      if (touches.length < 2) return null;
      return a.records.filter((r) => r.cause !== 'first-touch-split' || r === touches[0]).map((r) => r.shape);
    }),
    'An access that crosses a chunk boundary touches every chunk it covers, and each one gets its own first-touch split.',
  );

const noFirstTouch: Transform = (f) =>
  make(
    perAccess(f, (a) =>
      a.records.some((r) => isFirstTouch(r.cause))
        ? a.records.filter((r) => !isFirstTouch(r.cause)).map((r) => r.shape)
        : null,
    ),
    'The first touch is not free: handle_uninitialized_memory initialises untouched memory with a record (persistent: a split of the 8-cell initial block; volatile: a zero merge of each 4-cell unit).',
  );

const zeroMergeWhole: Transform = (f) =>
  make(
    perAccess(f, (a) => {
      const zm = a.records.filter((r) => r.cause === 'first-touch-zero-merge');
      const own = a.records.find((r) => r.cause === 'access-merge');
      if (zm.length === 0 || own === undefined) return null;
      const rest = a.records
        .filter((r) => r.cause !== 'first-touch-zero-merge' && r !== own)
        .map((r) => r.shape);
      return [
        ...rest,
        merge(a.addressSpace, a.pointer, a.size, 1, own.shape.timestamp, new Array<number>(a.size).fill(0)),
      ];
    }),
    'Each min_block_size unit is initialised on its own (one zero merge 4×1 → 4 per unit); only then does the access merge the units into its block.',
  );

const otherMode: Transform = (f) => {
  const records = perAccess(f, (a) => {
    if (!a.records.some((r) => isFirstTouch(r.cause))) return null;
    const out: RecordShape[] = [];
    let touchedDone = false;
    for (const r of a.records) {
      if (!isFirstTouch(r.cause)) out.push(r.shape);
      else if (!touchedDone) {
        // The other mode's first touch of the same access, in place of this mode's.
        out.push(...firstTouch(other(f.mode), a.addressSpace, a.pointer, a.size));
        touchedDone = true;
      }
    }
    return out;
  });
  const why =
    f.mode === 'persistent'
      ? 'That is volatile mode’s first touch (memory starts as single cells, so each 4-cell unit is merged from zeros). In persistent mode memory starts as 8-cell chunks, and the first touch splits the chunk.'
      : 'That is persistent mode’s first touch (memory starts as 8-cell chunks, split at the first touch). In volatile mode memory starts as single cells: each 4-cell unit is merged from 1-cell blocks carrying zeros.';
  return make(records, why);
};

const otherPointer: Transform = (f) => {
  let done = false;
  const records = perAccess(f, (a) => {
    if (done) return null;
    const k = a.records.findIndex(
      (r) =>
        r.shape.kind === 'split' &&
        r.shape.pointer !== a.pointer &&
        a.pointer > r.shape.pointer &&
        a.pointer < r.shape.pointer + r.shape.blockSize,
    );
    if (k < 0) return null;
    done = true;
    return a.records.map((r, i) => (i === k ? { ...r.shape, pointer: a.pointer } : r.shape));
  });
  return make(
    records,
    'A split record names the block it splits, by the block’s start: an initial block starts at a multiple of 8 (CHUNK), a larger block where the access that made it started.',
  );
};

const stampedNow: Transform = (f) =>
  make(
    perAccess(f, (a) =>
      a.records.some((r) => r.shape.timestamp !== a.timestamp)
        ? a.records.map((r) => ({ ...r.shape, timestamp: a.timestamp }))
        : null,
    ),
    'A record carries the timestamps the blocks already had (a split: the block’s last access, 0 for the initial image; a merge: the newest piece’s), never the time of the access that causes it.',
  );

// ---------- misconceptions when nothing happens ----------

function lastQuiet(f: StepFacts): FactAccess | null {
  const a = f.accesses.at(-1);
  return a !== undefined && all(f).length === 0 ? a : null;
}

const touchAgain =
  (modeOf: (m: MemoryMode) => MemoryMode): Transform =>
  (f) => {
    const a = lastQuiet(f);
    if (a === null) return null;
    const records = firstTouch(modeOf(f.mode), a.addressSpace, a.pointer, a.size);
    if (records.length === 0) return null;
    return make(
      records,
      'Only the first access to memory initialises it. This memory was touched before: its metadata holds a block and a timestamp, so there is nothing to initialise.',
    );
  };

const mergeAnyway: Transform = (f) => {
  const a = lastQuiet(f);
  const align = a === null ? 0 : alignOf(a.addressSpace);
  if (a === null || a.size <= align) return null;
  return make(
    [
      merge(
        a.addressSpace,
        a.pointer,
        a.size,
        align,
        a.tPrev,
        new Array<number>(a.size / align).fill(a.tPrev),
      ),
    ],
    'The access has the same start and size as the block already there: prev_access_time takes its fast path and appends nothing.',
  );
};

const splitToCells: Transform = (f) => {
  const a = lastQuiet(f);
  if (a === null || alignOf(a.addressSpace) !== 4) return null;
  return make(
    [split(a.addressSpace, a.pointer, 4, 1, a.tPrev)],
    'During execution no block gets smaller than min_block_size: 4 cells in AS 1..3. (Only volatile finalize splits units into single cells.)',
  );
};

// ---------- misconceptions about finalize ----------

const byCause = (f: StepFacts, drop: (r: FactRecord) => boolean) => {
  const kept = f.finalize.filter((r) => !drop(r));
  return kept.length === f.finalize.length ? null : kept.map((r) => r.shape);
};

const finalizeNoSplit: Transform = (f) =>
  make(
    byCause(f, (r) => r.cause === 'finalize-block-split'),
    'Finalize first splits every touched block larger than min_block_size; the chunks are then built from the pieces.',
  );

const finalizeSkipAligned: Transform = (f) => {
  const aligned = new Set(
    f.finalize
      .filter(
        (r) =>
          r.cause === 'finalize-block-split' && r.shape.blockSize === CHUNK && r.shape.pointer % CHUNK === 0,
      )
      .map((r) => `${r.shape.addressSpace}:${r.shape.pointer}`),
  );
  const key = (r: FactRecord) => `${r.shape.addressSpace}:${r.shape.pointer}`;
  return make(
    byCause(
      f,
      (r) =>
        (r.cause === 'finalize-block-split' || r.cause === 'finalize-chunk-merge') && aligned.has(key(r)),
    ),
    'Even a block that already is exactly one aligned chunk is split and merged back: handle_touched_blocks does not special-case it.',
  );
};

const finalizeToChunks: Transform = (f) => {
  const big = f.finalize.filter((r) => r.cause === 'finalize-block-split' && r.shape.blockSize > CHUNK);
  if (f.mode !== 'persistent' || big.length === 0) return null;
  const covered = (r: FactRecord) =>
    big.some(
      (b) =>
        b.shape.addressSpace === r.shape.addressSpace &&
        r.shape.pointer >= b.shape.pointer &&
        r.shape.pointer < b.shape.pointer + b.shape.blockSize,
    );
  const out: RecordShape[] = [];
  for (const r of f.finalize) {
    if (big.includes(r)) out.push({ ...r.shape, lowestBlockSize: CHUNK });
    else if (!(r.cause === 'finalize-chunk-merge' && covered(r))) out.push(r.shape);
  }
  return make(
    out,
    'Finalize splits a block down to min_block_size, not to CHUNK, and then merges every chunk back from its pieces.',
  );
};

const noCellSplit: Transform = (f) =>
  make(
    byCause(f, (r) => r.cause === 'finalize-cell-split'),
    'Volatile finalize works cell by cell (CHUNK 1): every 4-cell unit of AS 1..3 is split into single cells.',
  );

// ---------- fallbacks ----------

const none: Transform = (f) =>
  all(f).length === 0
    ? null
    : make(
        [],
        f.accesses.length === 0
          ? 'Finalize always appends records for touched memory: every chunk is rebuilt for the boundary chip.'
          : 'An access appends no record only when it lands on exactly one existing block of its own start and size (or on min_block_size blocks that need no merge).',
      );

const kindFlip: Transform = (f) => {
  const list = all(f);
  if (list.length === 0) return null;
  const s = list[0];
  const flipped: RecordShape =
    s.kind === 'split'
      ? merge(
          s.addressSpace,
          s.pointer,
          s.blockSize,
          s.lowestBlockSize,
          s.timestamp,
          new Array<number>(s.blockSize / s.lowestBlockSize).fill(s.timestamp),
        )
      : split(s.addressSpace, s.pointer, s.blockSize, s.lowestBlockSize, s.timestamp);
  return make(
    [flipped, ...list.slice(1)],
    'A split takes a block apart into smaller pieces (a smaller access, a persistent first touch, finalize); a merge puts pieces together (a larger access, a volatile first touch, a finalize chunk).',
  );
};

const ACCESS_ORDER: Transform[] = [
  subwordBytes,
  splitToAccess,
  mergeWithoutSplit,
  singleChunk,
  noFirstTouch,
  zeroMergeWhole,
  otherMode,
  otherPointer,
  none,
  stampedNow,
  touchAgain((m) => m),
  touchAgain(other),
  mergeAnyway,
  splitToCells,
  kindFlip,
];
const FINALIZE_ORDER: Transform[] = [
  finalizeNoSplit,
  finalizeSkipAligned,
  finalizeToChunks,
  noCellSplit,
  none,
  kindFlip,
];

/** Up to `max` distinct wrong answers, most instructive first; none equals the true list. */
export function distractors(f: StepFacts, max = 3): Distractor[] {
  const order = f.accesses.length === 0 && f.finalize.length > 0 ? FINALIZE_ORDER : ACCESS_ORDER;
  const seen = new Set([listKey(all(f))]);
  const out: Distractor[] = [];
  for (const t of order) {
    if (out.length === max) break;
    const d = t(f);
    if (d === null) continue;
    const key = listKey(d.records);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(d);
  }
  return out;
}
