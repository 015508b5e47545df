// Fidelity of a segmented session (issue 23): at the first, a middle and the last step of every segment, the
// session's timestamp, registers, the step's accesses with t_prev, the records they appended, adapter rows so
// far and the block metadata of the touched blocks equal an independent reference — a brand-new
// TracingMemory filled cell by cell with the image a continuous run has at the segment's start, a new
// interpreter from that pc and hint-stream position (OpenVM's preflight of one segment, TracingMemory::
// from_image). Each segment's finalize (adapter, boundary, Merkle rows) equals `exec --segments`
// (MeteredRun's per-segment preflight). Guests: OpenVM's fibonacci (n = 100,000) and regex benchmarks.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { needs, SHARED, sharedFile } from '../guest/fixtures.testutil';
import { GuestRun } from '../guest/guestRun';
import { HintStreams } from '../guest/io/hintStreams';
import { parseInput } from '../guest/io/input';
import { Interpreter } from '../guest/isa/executor';
import { loadGuestProgram } from '../guest/program/guestProgram';
import { defaultMemoryConfig } from '../memory/config';
import { RecordLog } from '../memory/recordLog';
import { TracingMemory } from '../memory/tracingMemory';
import { MeteredRun, type MeteringResult } from '../metering/meteredRun';
import { Session } from '../session';
import { memoryRange } from './queries/memoryView';

const BENCH = path.join(SHARED, 'guests/openvm-v1.7-benchmarks');
const bench = (f: string) => path.join(BENCH, f);

interface Access {
  t: number;
  tPrev: number;
  as: number;
  ptr: number;
  size: number;
  write: boolean;
}

/** One segment preflighted from scratch, stepped to chosen instructions (1-based within the segment). */
class ReferenceSegment {
  readonly memory = new TracingMemory(defaultMemoryConfig(), 8, new RecordLog(true));
  readonly interp: Interpreter;

  constructor(base: GuestRun, input: ReturnType<typeof parseInput>) {
    base.memory.spaces.forEach((s, as) => {
      if (s === undefined) return;
      for (let ptr = 0; ptr < s.hostCells; ptr += 4096) {
        if (s.dataPages[ptr / 4096] === undefined) continue;
        for (let i = 0; i < 4096; i++) {
          const v = s.getCell(ptr + i);
          if (v !== 0) this.memory.setCell(as, ptr + i, v);
        }
      }
    });
    const streams = new HintStreams(input);
    streams.restore(base.streams.snapshot());
    this.interp = new Interpreter(base.program, this.memory, streams);
    this.interp.pc = base.machine.pc;
  }

  /** Runs to just before instruction k, then instruction k with its accesses and records observed. */
  instruction(k: number) {
    this.interp.run(k - 1 - this.interp.instret);
    const log = this.memory.records;
    log.clear();
    const accesses: Access[] = [];
    this.memory.onAccess = (as, ptr, size, write, t, tPrev) =>
      accesses.push({ t, tPrev, as, ptr, size, write });
    this.interp.run(1);
    this.memory.onAccess = null;
    const records = Array.from({ length: log.length }, (_, i) => log.get(i));
    const regs = Array.from({ length: 32 }, (_, i) => this.memory.peekWord(1, 4 * i));
    return { accesses, records, regs, timestamp: this.memory.timestamp, rows: Array.from(log.rows) };
  }
}

function checkGuest(name: string, settings: { maxSegmentLength: number }, expectedSegments: number) {
  let session: Session;
  let metered: MeteringResult;
  let run: MeteredRun;
  const inputText = () => readFileSync(bench(`${name}.input.json`), 'utf8');
  const bytes = () => new Uint8Array(readFileSync(bench(`${name}.elf`)));

  beforeAll(() => {
    const toml = readFileSync(bench(`${name}.openvm.toml`), 'utf8');
    session = Session.open('guest', bytes(), { input: inputText(), openvmToml: toml, segments: settings });
    session.run();
    // exec --segments --max-segment-length N (segmentsOutput.ts runs exactly this).
    run = new MeteredRun(loadGuestProgram(bytes()), {
      input: parseInput(inputText()),
      maxSegmentLength: settings.maxSegmentLength,
    });
    metered = run.run();
  }, 300_000);

  it('has the segments exec --segments cuts, on both time axes', () => {
    const info = session.segmentation();
    expect(info.kind).toBe('segments');
    expect(info.segments.length).toBe(expectedSegments);
    expect(info.segments.map((s) => [s.startStep, s.numInsns, s.endTimestamp])).toEqual(
      metered.segments.map((s) => [s.instretStart, s.numInsns, s.endTimestamp]),
    );
    const end = session.position();
    expect(end.status).toBe('done');
    expect(end.segment).toBe(expectedSegments - 1);
    expect(end.segmentTimestamp).toBe(metered.segments[expectedSegments - 1].endTimestamp);
    // The global axis is the one-segment run's: 1 + Σ (end - 1).
    expect(end.timestamp).toBe(1 + metered.segments.reduce((t, s) => t + s.endTimestamp - 1, 0));
  });

  it('at the first, a middle and the last step of every segment equals a from-scratch preflight of it', () => {
    const program = loadGuestProgram(bytes());
    const input = parseInput(inputText());
    const base = new GuestRun(program, { input, mode: 'persistent' });
    let checked = 0;
    for (const [s, seg] of session.segmentation().segments.entries()) {
      base.run(seg.startStep - base.machine.instret);
      const ref = new ReferenceSegment(base, input);
      const picks = [...new Set([1, Math.ceil(seg.numInsns / 2), seg.numInsns])];
      for (const k of picks) {
        const r = ref.instruction(k);
        const step = seg.startStep + k;
        const before = session.seekStep(step - 1).timestamp;
        const pos = session.seekStep(step);
        const where = `segment ${s}, instruction ${k} (step ${step})`;
        expect({ where, segment: pos.segment, t: pos.segmentTimestamp }).toEqual({
          where,
          segment: s,
          t: r.timestamp,
        });
        expect(pos.timestamp - pos.segmentTimestamp, where).toBe((seg.startTimestamp ?? NaN) - 1);
        expect(Array.from(session.registers()), where).toEqual(r.regs);
        expect(Array.from(session.adapterRows().rows), where).toEqual(r.rows);
        // An instruction with no access (TERMINATE) leaves the timestamp where it was: an empty window.
        if (pos.timestamp === before) {
          expect(r.accesses, where).toEqual([]);
          checked++;
          continue;
        }
        const w = session.window(before, pos.timestamp - 1);
        const a = w.accesses;
        const offset = pos.timestamp - pos.segmentTimestamp;
        const ours = Array.from({ length: a.count }, (_, i) => ({
          t: a.timestamp[i] - offset,
          tPrev: a.tPrev[i],
          as: a.addressSpace[i],
          ptr: a.pointer[i],
          size: a.size[i],
          write: a.write[i] === 1,
        }));
        expect(ours, where).toEqual(r.accesses);
        const rc = w.records;
        const records = Array.from({ length: rc.count }, (_, i) => ({
          kind: rc.merge[i] === 1 ? 'merge' : 'split',
          addressSpace: rc.addressSpace[i],
          pointer: rc.pointer[i],
          blockSize: rc.blockSize[i],
          lowestBlockSize: rc.lowestBlockSize[i],
          timestamp: rc.timestamp[i],
          data: Array.from(rc.data.subarray(rc.dataStart[i], rc.dataStart[i] + rc.blockSize[i])),
        }));
        expect(records, where).toEqual(
          r.records.map((x) => ({
            kind: x.kind,
            addressSpace: x.addressSpace,
            pointer: x.pointer,
            blockSize: x.blockSize,
            lowestBlockSize: x.lowestBlockSize,
            timestamp: x.timestamp,
            data: x.data,
          })),
        );
        for (const x of r.accesses) {
          const mine = session.memory(x.as, x.ptr, x.size);
          const theirs = memoryRange(ref.memory, x.as, x.ptr, x.size);
          expect(mine, `${where}: block metadata of ${x.as}:${x.ptr}`).toEqual(theirs);
        }
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(3 * expectedSegments - 1);
  }, 300_000);

  it("each segment's finalize has exec --segments' adapter, boundary and Merkle rows", () => {
    const inv = run.inventory;
    for (const [s, m] of metered.segments.entries()) {
      const f = session.segmentFinalize(s);
      expect({ s, adapters: f.adapterRows, boundary: f.boundaryRows, merkle: f.merkleRows }).toEqual({
        s,
        adapters: [2, 4, 8, 16, 32].map((n) => m.rows[inv.adapterId(n)]),
        boundary: m.rows[inv.boundaryId],
        merkle: m.rows[inv.merkleId],
      });
      expect(f.endTimestamp).toBe(m.endTimestamp);
    }
    // finalize ran on a copy: the position and its state are where they were.
    const hash = session.stateHash();
    session.segmentFinalize(0);
    expect(session.stateHash()).toBe(hash);
  });
}

describe.runIf(needs(sharedFile('guests/openvm-v1.7-benchmarks/fibonacci.elf')))(
  'segmented session: fibonacci n = 100,000',
  () => {
    describe("OpenVM's report setting (max segment length 1,048,476): 2 segments", () =>
      checkGuest('fibonacci', { maxSegmentLength: 1_048_476 }, 2));
    describe('max segment length 2^17: many segments', () =>
      checkGuest('fibonacci', { maxSegmentLength: 2 ** 17 }, 7));
  },
);

describe.runIf(needs(sharedFile('guests/openvm-v1.7-benchmarks/regex.elf')))(
  'segmented session: regex',
  () => {
    describe("OpenVM's report setting (max segment length 1,048,476): 4 segments", () =>
      checkGuest('regex', { maxSegmentLength: 1_048_476 }, 4));
  },
);
