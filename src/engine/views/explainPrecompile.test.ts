// Records of a precompile's 16/32-cell accesses are explained as such in a guest run (Adapter records
// panel), and only there: the same sizes in an .mtrace script get the plain explanation.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Session } from '../session';
import { explainRecord } from './explainRecord';
import { FrameBuilder } from './frameBuilder';

const ELF = resolve(__dirname, '../../../public/examples/lesson_precompile.elf');

describe('explanations of AccessAdapterAir<16>/<32> records', () => {
  it('the first sha256 of lesson_precompile.elf: 16<-4 and 32<-4 merges, explained with their rows and the precompile', () => {
    const session = Session.open('guest', new Uint8Array(readFileSync(ELF)));
    const hash = session.opened.kind === 'guest' ? session.opened.machine.program.symbols.get('hash_message')?.address : undefined;
    expect(hash).toBeDefined();
    while (session.position().pc !== hash && session.position().status === 'paused') session.step();
    session.step();
    const step = new FrameBuilder(session, '', null).stepView();
    expect(step).not.toBeNull();
    const sizes = step!.accesses.filter((a) => a.addressSpace === 2).map((a) => a.size);
    expect(sizes).toEqual([16, 16, 16, 16, 32]);
    const merges = step!.records.map((r, i) => [r, step!.explanations[i]] as const).filter(([r]) => r.kind === 'merge');
    expect(merges.map(([r]) => r.blockSize)).toEqual([16, 16, 16, 16, 32]);
    const [rec32, why32] = merges[4];
    expect(rec32.lowestBlockSize).toBe(4);
    expect(why32.cause).toBe('access-merge');
    expect(why32.text).toContain('Cost: 7 rows (4 to AccessAdapterAir<8>, 2 to AccessAdapterAir<16>, 1 to AccessAdapterAir<32>).');
    expect(why32.text).toContain('Only precompile instructions access 16 or 32 cells at once');
    expect(merges[0][1].text).toContain('Cost: 3 rows (2 to AccessAdapterAir<8>, 1 to AccessAdapterAir<16>).');
  });

  it('a 16-cell access outside a guest (a script) gets no precompile note', () => {
    const rec = { kind: 'merge' as const, addressSpace: 2, pointer: 0, blockSize: 16, lowestBlockSize: 4, typeSize: 1, timestamp: 3, timestampAndMask: 3, data: [], prevTimestamps: [3, 3, 0, 0] };
    const text = explainRecord(rec, { op: 'read', addressSpace: 2, pointer: 0, size: 16, timestamp: 5 }, 'persistent').text;
    expect(text).not.toContain('precompile');
  });
});
