// Per-segment preflight: the memory hand-over between segments, the one-pass run (snapshots, rewinds,
// replays) against an independent per-segment reference built from scratch, and attribution sums.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Interpreter } from '../guest/isa/executor';
import { needs, SHARED_GUESTS, sharedFile } from '../guest/fixtures.testutil';
import { type GuestProgram, loadGuestProgram } from '../guest/program/guestProgram';
import { GuestRun } from '../guest/guestRun';
import { HintStreams } from '../guest/io/hintStreams';
import { OP_HINT_BUFFER, OP_HINT_STOREW } from '../guest/isa/opcodes';
import { type GuestInput, parseInput } from '../guest/io/input';
import { defaultMemoryConfig } from '../memory/config';
import { RecordLog } from '../memory/recordLog';
import { TracingMemory } from '../memory/tracingMemory';
import { attributionMismatches } from './attribution.testutil';
import { MeteredRun, type MeteringResult } from './meteredRun';
import { meterView } from './meterView';
import { startSegmentMemory } from './segments/segmentMemory';

describe('segment hand-over (startSegmentMemory)', () => {
  it("the next segment's first touch of a cell written before records the written data at timestamp 0", () => {
    const mem = new TracingMemory(defaultMemoryConfig(), 8, new RecordLog(true));
    mem.writeWord(2, 0x1000, 0xdeadbeef);
    mem.writeWord(2, 0x1004, 0x01020304);
    mem.incrementTimestampBy(100);
    const before = mem.timestamp;
    startSegmentMemory(mem);
    expect(before).toBeGreaterThan(100);
    expect(mem.timestamp).toBe(1);
    expect(mem.records.total).toBe(0);
    expect(mem.readWord(2, 0x1004)).toBe(0x01020304);
    expect(mem.lastTPrev).toBe(0);
    expect(mem.records.length).toBe(1);
    expect(mem.records.get(0)).toMatchObject({
      kind: 'split',
      addressSpace: 2,
      pointer: 0x1000,
      blockSize: 8,
      lowestBlockSize: 4,
      timestamp: 0,
      data: [0xef, 0xbe, 0xad, 0xde, 0x04, 0x03, 0x02, 0x01],
    });
    // The access itself happened at the new segment's timestamp 1.
    expect(mem.timestamp).toBe(2);
  });
});

interface ReferenceSegment {
  adapterRows: number[];
  boundaryRows: number;
  instructions: number;
}

/**
 * Each segment built from nothing: a continuous run gives the image, pc and streams at the segment's start;
 * a brand-new TracingMemory gets that image cell by cell, a new interpreter runs the segment, finalize(true).
 */
function referenceSegments(
  program: GuestProgram,
  input: GuestInput,
  bounds: [number, number][],
): ReferenceSegment[] {
  const base = new GuestRun(program, { input, mode: 'persistent' });
  const out: ReferenceSegment[] = [];
  for (const [start, n] of bounds) {
    base.run(start - base.machine.instret);
    expect(base.machine.instret).toBe(start);
    const mem = new TracingMemory(defaultMemoryConfig(), 8, new RecordLog(false));
    base.memory.spaces.forEach((s, as) => {
      if (s === undefined) return;
      for (let ptr = 0; ptr < s.hostCells; ptr += 4096) {
        if (s.dataPages[ptr / 4096] === undefined) continue;
        for (let i = 0; i < 4096; i++) {
          const v = s.getCell(ptr + i);
          if (v !== 0) mem.setCell(as, ptr + i, v);
        }
      }
    });
    const streams = new HintStreams(input);
    streams.restore(base.streams.snapshot());
    const interp = new Interpreter(program, mem, streams);
    interp.pc = base.machine.pc;
    interp.run(n);
    const touched = mem.finalize(true);
    out.push({
      adapterRows: Array.from(mem.records.rows),
      boundaryRows: 2 * touched.pointer.length,
      instructions: interp.instret,
    });
  }
  return out;
}

describe.runIf(needs(sharedFile('guests/openvm-v1.7/fibonacci.elf')))(
  'one-pass segmented preflight of fibonacci (n = 3000), many small segments',
  () => {
    const program = () =>
      loadGuestProgram(new Uint8Array(readFileSync(path.join(SHARED_GUESTS, 'fibonacci.elf'))));
    const input = parseInput('0x01b80b000000000000');
    const cases = [
      { name: 'max 4096 rows, check every 1000', options: { maxSegmentLength: 4096 } },
      { name: 'max 2048 rows, check every 300', options: { maxSegmentLength: 2048, segmentCheckInsns: 300 } },
      {
        name: 'max 64 rows: cuts without a checkpoint',
        options: { maxSegmentLength: 64, segmentCheckInsns: 200 },
      },
    ];
    for (const c of cases) {
      describe(c.name, () => {
        let run: MeteredRun;
        let result: MeteringResult;
        beforeAll(() => {
          run = new MeteredRun(program(), { input, ...c.options });
          result = run.run();
        }, 60_000);

        it('runs to the same end as a plain run, over contiguous segments', () => {
          const plain = new GuestRun(program(), { input, mode: 'persistent' });
          plain.run(1e9);
          expect(result.error).toBeNull();
          expect(result.exitCode).toBe(0);
          expect(result.instret).toBe(plain.machine.instret);
          expect(result.segments.length).toBeGreaterThan(3);
          let next = 0;
          for (const s of result.segments) {
            expect(s.instretStart).toBe(next);
            next += s.numInsns;
          }
          expect(next).toBe(result.instret);
        });

        it('each segment has exactly the adapter and boundary rows of a from-scratch preflight', () => {
          const ref = referenceSegments(
            program(),
            input,
            result.segments.map((s) => [s.instretStart, s.numInsns]),
          );
          const inv = run.inventory;
          result.segments.forEach((s, k) => {
            const ours = [2, 4, 8, 16, 32].map((n) => s.rows[inv.adapterId(n)]);
            expect({ k, adapters: ours, boundary: s.rows[inv.boundaryId] }).toEqual({
              k,
              adapters: ref[k].adapterRows,
              boundary: ref[k].boundaryRows,
            });
            expect(ref[k].instructions).toBe(s.numInsns);
          });
        });

        it('attributed rows sum to every non-constant AIR total; instructions sum to instret', () => {
          expect(attributionMismatches(run, result)).toEqual([]);
        });
      });
    }
  },
);

describe.runIf(needs(sharedFile('guests/openvm-v1.7/base64_json.elf')))('operand-dependent rows', () => {
  it('Rv32HintStoreAir rows = the words HINT_STOREW / HINT_BUFFER really write (base64_json, 6248 input bytes)', () => {
    const program = loadGuestProgram(
      new Uint8Array(readFileSync(path.join(SHARED_GUESTS, 'base64_json.elf'))),
    );
    const input = parseInput(readFileSync(path.join(SHARED_GUESTS, 'base64_json.input.json'), 'utf8'));
    const plain = new GuestRun(program, { input, mode: 'persistent' });
    const { code } = program.decoded;
    let hinting = false;
    let words = 0;
    plain.machine.onStep = (idx) => {
      const op = code[idx] & 0xff;
      hinting = op === OP_HINT_STOREW || op === OP_HINT_BUFFER;
    };
    plain.memory.onAccess = (as, _ptr, size, write) => {
      if (hinting && as === 2 && write) words += size / 4;
    };
    plain.run(1e9);
    expect(plain.machine.exitCode).toBe(0);
    expect(words).toBeGreaterThan(1000);
    const run = new MeteredRun(program, { input });
    const result = run.run();
    expect(result.instret).toBe(plain.machine.instret);
    const hintStore = run.inventory.id('hint_store');
    expect(result.segments.reduce((t, s) => t + s.rows[hintStore], 0)).toBe(words);
  });
});

describe.runIf(needs(sharedFile('guests/openvm-v1.7/fibonacci.elf')))(
  'segment starts on a one-segment timeline',
  () => {
    it('meterView.segmentTimestamps = the timestamp a plain run has at each segment start', () => {
      const bytes = new Uint8Array(readFileSync(path.join(SHARED_GUESTS, 'fibonacci.elf')));
      const view = meterView(bytes, { input: '0x01b80b000000000000', maxSegmentLength: 4096 });
      expect(view.segments.length).toBeGreaterThan(3);
      const plain = new GuestRun(loadGuestProgram(bytes), {
        input: parseInput('0x01b80b000000000000'),
        mode: 'persistent',
      });
      view.segments.forEach((s, k) => {
        plain.run(s.instret_start - plain.machine.instret);
        expect(plain.memory.timestamp, `segment ${k}`).toBe(view.segmentTimestamps[k]);
      });
    });
  },
);
