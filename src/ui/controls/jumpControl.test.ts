// The toolbar's Go to SEG:T is the engine's to resolve: through the same SessionHost the worker runs, a
// segment the recording has not reached (its start timestamp still unknown to the page) is recorded up to
// and lands where Session.seekAddress lands. Before, the page resolved SEG:T from the segment's start
// timestamp and did nothing at all when that was still null (e.g. after a cancelled recording).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { needs, SHARED_GUESTS, sharedFile } from '../../engine/guest/fixtures.testutil';
import { Session } from '../../engine/session';
import { InProcessClient } from '../../worker/inProcessClient';
import { jumpControl } from './jumpControl';

const options = { input: '0x01b80b000000000000', segments: { maxSegmentLength: 4096 } };
const none = { lanes: [] };

describe('jumpControl', () => {
  it('sends steps and SEG:T to the engine as controls', () => {
    expect(jumpControl({ kind: 'step', step: 7 })).toEqual({ op: 'seekStep', step: 7 });
    expect(jumpControl({ kind: 'segment', segment: 3, timestamp: 20 })).toEqual({
      op: 'seekSegment',
      segment: 3,
      timestamp: 20,
    });
  });

  describe.runIf(needs(sharedFile('guests/openvm-v1.7/fibonacci.elf')))('on a segmented guest', () => {
    const elf = new Uint8Array(readFileSync(path.join(SHARED_GUESTS, 'fibonacci.elf')));

    it('SEG:T into a segment not recorded yet records up to it and lands where seekAddress does', async () => {
      const client = new InProcessClient();
      const opened = await client.request('open', {
        kind: 'guest',
        name: 'fibonacci.elf',
        bytes: elf,
        options,
        view: none,
      });
      expect(opened.frame.info.segmentation?.segments[3].startTimestamp).toBeNull();
      const at = { kind: 'segment', segment: 3, timestamp: 20 } as const;
      const got = await client.request('control', { control: jumpControl(at), view: none });
      const ref = Session.open('guest', elf, options).seekAddress(at);
      expect(got.position).toEqual(ref);
      await expect(
        client.request('control', { control: jumpControl({ ...at, segment: 999 }), view: none }),
      ).rejects.toThrow(/no segment 999/);
    });
  });
});
