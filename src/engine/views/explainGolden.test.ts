// Issue 7's acceptance, record by record: on every golden handwritten script, the explanation of every
// record names the cause (and the OpenVM function) that the golden output's own structure implies. The
// expected cause is read off the golden JSON Lines alone, by the append order of the spec
// (shared/spec/mtrace-format.md): during an access, splits of existing blocks (t > 0) come first, then the
// first-touch records of each min_block_size segment (persistent: splits of the CHUNK-aligned 8-cell block
// at t 0; volatile AS 1..3: merges from 1-cell blocks), then the access's merge, last; during finalize,
// block splits down to min_block_size, chunk merges (persistent) and, in volatile AS 1..3, the splits of
// each 4-cell piece into cells.
import { readFileSync } from 'node:fs';
import { filesIn, needs, SHARED, sharedFile } from '../guest/fixtures.testutil';
import type { MtraceJsonRecord as GoldenRecord } from '../scripts/mtraceJson';
import { describe, expect, it } from 'vitest';
import { MERGE_AND_NOT_SPLIT_FLAG, type AdapterRecord } from '../memory/recordLog';
import { explainRecord, type RecordCause } from './explainRecord';

const HANDWRITTEN = `${SHARED}/golden/openvm-memory/handwritten`;

interface GoldenLine {
  op: 'read' | 'write' | 'finalize';
  as?: number;
  ptr?: number;
  size?: number;
  t?: number;
  records: GoldenRecord[];
}

const align = (as: number) => (as >= 1 && as <= 3 ? 4 : 1);

function record(g: GoldenRecord): AdapterRecord {
  const r: AdapterRecord = { kind: g.kind, addressSpace: g.as, pointer: g.ptr, blockSize: g.size, lowestBlockSize: g.lowest, typeSize: g.type_size, timestamp: g.t, timestampAndMask: (g.t | (g.kind === 'merge' ? MERGE_AND_NOT_SPLIT_FLAG : 0)) >>> 0, data: g.data };
  if (g.prev_ts) r.prevTimestamps = g.prev_ts;
  return r;
}

/** The cause the golden line's structure implies for its record k. */
function expectedCause(line: GoldenLine, k: number, volatile: boolean): RecordCause {
  const r = line.records[k];
  if (line.op === 'finalize') {
    if (r.kind === 'merge') return 'finalize-chunk-merge';
    return volatile && r.lowest === 1 && align(r.as) === 4 && r.size === 4 ? 'finalize-cell-split' : 'finalize-block-split';
  }
  if (r.kind === 'merge') {
    if (r.lowest < align(r.as)) return 'first-touch-zero-merge';
    expect(k).toBe(line.records.length - 1); // the access's own merge comes last
    return 'access-merge';
  }
  if (r.t === 0) {
    expect([r.size, r.ptr % 8]).toEqual([8, 0]); // the CHUNK-aligned initial block
    return 'first-touch-split';
  }
  // Splits of existing blocks precede every first-touch record.
  expect(line.records.slice(0, k).every((x) => x.kind === 'split' && x.t > 0)).toBe(true);
  return 'existing-block-split';
}

const FUNCTION: Record<RecordCause, string> = {
  'existing-block-split': 'split_by_meta',
  'first-touch-split': 'handle_uninitialized_memory',
  'first-touch-zero-merge': 'handle_uninitialized_memory',
  'access-merge': 'add_merge_record',
  'finalize-block-split': 'handle_touched_blocks',
  'finalize-chunk-merge': 'handle_touched_blocks',
  'finalize-cell-split': 'handle_touched_blocks',
};

const scripts = filesIn(HANDWRITTEN, '.jsonl');

describe.runIf(needs(sharedFile('golden/openvm-memory/handwritten')))('explanations of every record of the golden handwritten scripts', () => {
  const seen = new Set<RecordCause>();
  it.each(scripts)('%s', (file) => {
    const volatile = /^mode volatile/m.test(readFileSync(`${HANDWRITTEN}/${file.replace('.jsonl', '.mtrace')}`, 'utf8'));
    const lines = readFileSync(`${HANDWRITTEN}/${file}`, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as GoldenLine);
    for (const line of lines) {
      const context = line.op === 'finalize' ? undefined : { op: line.op, addressSpace: line.as ?? 0, pointer: line.ptr ?? 0, size: line.size ?? 0, timestamp: line.t ?? 0 };
      line.records.forEach((g, k) => {
        const e = explainRecord(record(g), context, volatile ? 'volatile' : 'persistent');
        const want = expectedCause(line, k, volatile);
        expect({ record: g, cause: e.cause }).toEqual({ record: g, cause: want });
        expect(e.openvmFunction).toContain(FUNCTION[want]);
        seen.add(e.cause);
      });
    }
  });
  it('covers every kind of record', () => {
    expect([...seen].sort()).toEqual(Object.keys(FUNCTION).sort());
  });
});

describe('volatile finalize in AS 4', () => {
  it('a 4-cell block split to single cells is a block split, not a cell split (AS 4 has min_block_size 1)', () => {
    const split = record({ kind: 'split', as: 4, ptr: 0, size: 4, lowest: 1, type_size: 4, t: 1, data: [1, 2, 3, 4] });
    expect(explainRecord(split, undefined, 'volatile').cause).toBe('finalize-block-split');
    expect(explainRecord({ ...split, addressSpace: 2, typeSize: 1 }, undefined, 'volatile').cause).toBe('finalize-cell-split');
  });
});
