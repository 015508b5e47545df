import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Session } from '../session';
import { FrameBuilder } from './frameBuilder';
import { collectTransferables } from './transferable';

describe('transferable frames', () => {
  it('moves the fresh arrays of a frame without detaching anything the engine still uses', () => {
    const bytes = readFileSync(resolve(__dirname, '../../../public/examples/subword.elf'));
    const session = Session.open('guest', bytes, {});
    session.step(40);
    const builder = new FrameBuilder(session, 'subword.elf', null);
    const request = {
      lanes: [{ addressSpace: 2, start: 0, end: 2 ** 29, buckets: 64, detail: { addr: 0x200000, len: 64 } }],
      selection: { addressSpace: 1, pointer: 8 },
    };
    const hashBefore = session.stateHash();
    const frame = builder.build(request);
    const buffers = collectTransferables(frame);
    expect(buffers.length).toBeGreaterThanOrEqual(10); // registers, public values, overview x3, range columns x12
    const moved = structuredClone(frame, { transfer: buffers });
    expect(buffers.every((b) => b.byteLength === 0)).toBe(true); // detached here: they moved
    expect(moved.program?.kind === 'guest' && moved.program.registers.length).toBe(32);
    // the engine is untouched: same state, and it keeps running and building frames
    expect(session.stateHash()).toBe(hashBefore);
    session.step(10);
    const again = builder.build(request);
    expect(again.lanes[0].detail?.values.length).toBe(64);
  });
});
