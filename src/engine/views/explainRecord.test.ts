// Every record of the golden handwritten scripts gets the right cause (issue 7's acceptance), checked
// against an independent classification read off the OpenVM semantics of each record's position.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, needs, SHARED, sharedFile } from '../guest/fixtures.testutil';
import { viewMtraceRun } from '../scripts/mtraceView';
import { explainRecord, type RecordCause } from './explainRecord';

const HANDWRITTEN = `${SHARED}/golden/openvm-memory/handwritten`;

function causes(path: string) {
  const view = viewMtraceRun(path, readFileSync(path));
  const seen: Record<string, RecordCause[]> = {};
  for (const a of view.accesses) {
    seen[`line ${a.line}`] = a.records.map((r) => explainRecord(r, { op: a.op, addressSpace: a.addressSpace, pointer: a.pointer, size: a.size, timestamp: a.timestamp }, view.mode).cause);
  }
  if (view.finalize) seen.finalize = view.finalize.records.map((r) => explainRecord(r, undefined, view.mode).cause);
  return seen;
}

describe.runIf(needs(sharedFile('golden/openvm-memory/handwritten')))('record explanations on the golden handwritten scripts', () => {
  it('01 first touch persistent: the initial-block split', () => {
    const c = causes(`${HANDWRITTEN}/01-first-touch-persistent.mtrace`);
    expect(Object.values(c).flat()).toContain('first-touch-split');
    expect((c.finalize ?? []).every((x) => x === 'finalize-chunk-merge' || x === 'finalize-block-split')).toBe(true);
  });
  it('02 first touch volatile: zero merges', () => {
    const c = causes(`${HANDWRITTEN}/02-first-touch-volatile.mtrace`);
    expect(Object.values(c).flat()).toContain('first-touch-zero-merge');
    expect(Object.values(c).flat()).not.toContain('first-touch-split');
  });
  it('03 a small access splits an existing block', () => {
    expect(Object.values(causes(`${HANDWRITTEN}/03-split-large-block-by-small-access.mtrace`)).flat()).toContain('existing-block-split');
  });
  it('04 a large access merges', () => {
    expect(Object.values(causes(`${HANDWRITTEN}/04-merge-by-large-access.mtrace`)).flat()).toContain('access-merge');
  });
  it('09 volatile finalize splits units to cells', () => {
    expect(causes(`${HANDWRITTEN}/09-finalize-volatile.mtrace`).finalize).toContain('finalize-cell-split');
  });
});

describe('record explanations on the examples', () => {
  it('split.mtrace: every record has the cause its position implies', () => {
    expect(causes(`${EXAMPLES}/split.mtrace`)).toEqual({
      'line 7': ['first-touch-split', 'first-touch-split', 'access-merge'],
      'line 8': ['existing-block-split'],
      'line 9': [],
      'line 10': ['access-merge'],
      finalize: ['finalize-block-split', 'finalize-chunk-merge', 'finalize-chunk-merge'],
    });
  });
  it('volatile.mtrace: zero merges, access merge, cell splits', () => {
    expect(causes(`${EXAMPLES}/volatile.mtrace`)).toEqual({
      'line 8': ['first-touch-zero-merge'],
      'line 9': ['first-touch-zero-merge', 'access-merge'],
      finalize: ['finalize-block-split', 'finalize-cell-split', 'finalize-cell-split'],
    });
  });
  it('names the block that had to be split and the rows it costs', () => {
    const view = viewMtraceRun('split', readFileSync(`${EXAMPLES}/split.mtrace`));
    const a = view.accesses[1];
    const e = explainRecord(a.records[0], { op: a.op, addressSpace: a.addressSpace, pointer: a.pointer, size: a.size, timestamp: a.timestamp }, 'persistent');
    expect(e.text).toContain('overlapped the 16 cells block starting at 0');
    expect(e.text).toContain('3 rows (2 to AccessAdapterAir<8>, 1 to AccessAdapterAir<16>)');
    expect(e.openvmFunction).toContain('split_by_meta');
  });
});
