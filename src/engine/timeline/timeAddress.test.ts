// Time addresses (T, SEG:T, step:N) and where they lead in a segmented session: Session.seekAddress and the
// gdbserver's `monitor seek` / `monitor timestamp` / `monitor segments`.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMonitor } from '../gdb/monitor';
import { needs, SHARED_GUESTS, sharedFile } from '../guest/fixtures.testutil';
import { Session } from '../session';
import { formatTimeAddress, parseTimeAddress } from './timeAddress';

describe('parseTimeAddress', () => {
  it('reads T, SEG:T and step:N (decimal, hex, separators) and refuses the rest', () => {
    expect(parseTimeAddress('4100711')).toEqual({ kind: 'timestamp', timestamp: 4100711 });
    expect(parseTimeAddress(' 1:0x10 ')).toEqual({ kind: 'segment', segment: 1, timestamp: 16 });
    expect(parseTimeAddress('step:1_000')).toEqual({ kind: 'step', step: 1000 });
    expect(parseTimeAddress('step=5')).toEqual({ kind: 'step', step: 5 });
    for (const bad of ['', 'x', '1:2:3', '-1', '1.5', 'step:', ':4'])
      expect(parseTimeAddress(bad), bad).toBeNull();
    for (const a of ['12', '3:45', 'step:6']) expect(formatTimeAddress(parseTimeAddress(a) as never)).toBe(a);
  });
});

describe.runIf(needs(sharedFile('guests/openvm-v1.7/fibonacci.elf')))('in a segmented session', () => {
  const open = () =>
    Session.open('guest', new Uint8Array(readFileSync(path.join(SHARED_GUESTS, 'fibonacci.elf'))), {
      input: '0x01b80b000000000000',
      segments: { maxSegmentLength: 4096 },
    });

  it('SEG:T lands in that segment at its own timestamp; the same state as the global T it names', () => {
    const s = open();
    s.run();
    const segs = s.segmentation().segments;
    expect(segs.length).toBeGreaterThan(3);
    const p = s.seekAddress({ kind: 'segment', segment: 2, timestamp: 50 });
    expect(p.segment).toBe(2);
    expect(p.segmentTimestamp).toBeLessThanOrEqual(50);
    expect(p.segmentTimestamp).toBeGreaterThan(45);
    const hash = s.stateHash();
    const q = s.seekAddress({ kind: 'timestamp', timestamp: (segs[2].startTimestamp ?? NaN) + 49 });
    expect([q.step, s.stateHash()]).toEqual([p.step, hash]);
    expect(s.seekAddress({ kind: 'step', step: segs[3].startStep + 1 }).segment).toBe(3);
    expect(() => s.seekAddress({ kind: 'segment', segment: 99, timestamp: 1 })).toThrow(/no segment 99/);
  });

  it('SEG:T into a segment not recorded yet records up to it (the fast pass gives only the cuts)', () => {
    const s = open();
    const before = s.segmentation().segments;
    expect(before[3].startTimestamp).toBeNull();
    const p = s.seekAddress({ kind: 'segment', segment: 3, timestamp: 20 });
    expect(p.segment).toBe(3);
    expect(p.segmentTimestamp).toBeLessThanOrEqual(20);
    const full = open();
    full.run();
    const q = full.seekAddress({ kind: 'segment', segment: 3, timestamp: 20 });
    expect([p.step, p.timestamp, p.segmentTimestamp, s.stateHash()]).toEqual([
      q.step,
      q.timestamp,
      q.segmentTimestamp,
      full.stateHash(),
    ]);
  });

  it('monitor seek SEG:T, monitor timestamp and monitor segments speak segments', () => {
    const s = open();
    s.run();
    expect(runMonitor(s, 'seek 1:10')).toMatch(
      /^segment 1 of \d+ at its timestamp (9|10) \(run timestamp \d+\)/,
    );
    expect(runMonitor(s, 'timestamp')).toMatch(/^segment 1 of/);
    expect(runMonitor(s, 'seek step:0')).toMatch(/^segment 0 of \d+ at its timestamp 1 /);
    const list = runMonitor(s, 'segments');
    expect(list).toMatch(/segment\(s\) as OpenVM v1.7 cuts the run \(max trace height 4096/);
    expect(list.split('\n').filter((l) => /^ {2}\d+: steps/.test(l)).length).toBe(
      s.segmentation().segments.length,
    );
    expect(runMonitor(s, 'seek nope')).toMatch(/^usage: monitor seek T \(timestamp\), SEG:T/);
  });
});
