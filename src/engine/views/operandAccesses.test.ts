// A real heap-adapter step's accesses grouped per operand (the Program panel's operand list), on OpenVM
// v1.7's benchmark guests: the first executed Fp2 MUL of pairing (2 × 32-byte blocks per operand), BLS12-381
// MULMOD of kitchen-sink (48 B = 3 blocks of 16 B), EC_DOUBLE (one operand) and ISEQMOD (result in a
// register) of ecrecover; mul256 and beq256 of the int256 example. References: the adapters' access order
// in vec_heap.rs / heap_branch.rs / is_eq.rs (register reads, each operand's blocks, the writes, one
// timestamp each) and the registers' values at that point, which must be the operands' pointers (these
// chips write no register but is_eq's rd).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeWord } from '../guest/isa/decoder';
import { decodeAlgebraWord } from '../guest/extensions/algebra/algebraDecode';
import { EXAMPLES, needs, REPO_ROOT, SHARED, sharedFile } from '../guest/fixtures.testutil';
import { OP_NAMES } from '../guest/isa/opcodes';
import { Session } from '../session';
import { FrameBuilder } from './frameBuilder';
import { operandText, registerReadsText } from './operandAccesses';

const BENCH = path.join(SHARED, 'guests/openvm-v1.7-benchmarks');

function open(name: string, toml: string, input?: string): Session {
  return Session.open('guest', new Uint8Array(readFileSync(path.join(BENCH, `${name}.elf`))), {
    openvmToml: readFileSync(toml, 'utf8'),
    openvmTomlName: path.basename(toml),
    ...(input ? { input: readFileSync(input, 'utf8') } : {}),
  });
}

/** `modular:MUL:7` for algebra words, `int256:MUL256` for Int256 ones, else the OpenVM opcode name. */
function wordName(w: number): string {
  const d = decodeAlgebraWord(w);
  if (d !== undefined && 'ok' in d) return `${d.ok.extension}:${d.ok.op}:${d.ok.index}`;
  return `int256:${OP_NAMES[decodeWord(w).op]}`;
}

/** Runs to the first executed word whose name (wordName) matches, steps over it, and returns its StepView. */
function firstStep(session: Session, name: RegExp) {
  if (session.opened.kind !== 'guest') throw new Error('not a guest');
  const { elf } = session.opened.machine.program;
  const breakpoints: { pc: number }[] = [];
  elf.instructions.forEach((w, k) => {
    if (name.test(wordName(w))) breakpoints.push({ pc: elf.pcBase + 4 * k });
  });
  expect(breakpoints.length).toBeGreaterThan(0);
  const stop = session.run({ breakpoints, watchpoints: [] });
  expect(stop.reason).toBe('breakpoint');
  const regs = Array.from(session.registers());
  const t0 = session.position().timestamp;
  session.step(1);
  const view = new FrameBuilder(session, '', null).stepView();
  return { view: view!, regs, t0 };
}

const regOf = (ins: number, shift: number) => (ins >>> shift) & 31;

describe.runIf(needs(sharedFile('guests/openvm-v1.7-benchmarks/pairing.elf')))(
  'algebra steps grouped per operand (real runs)',
  () => {
    it('pairing: Fp2 MUL BN254 — rs1, rs2, rd, then 2 × 32 B per operand and 2 writes of 32 B', () => {
      const s = open('pairing', path.join(BENCH, 'pairing.openvm.toml'));
      const { view, regs, t0 } = firstStep(s, /^fp2:MUL:0$/);
      const ops = view.operands!;
      expect(ops.description).toBe('Fp2 MUL BN254 Fp2 (2 × 32 B)');
      expect(ops.text).toMatch(/^mulcomplex\[Bn254Fp2\] /);
      const word =
        s.opened.kind === 'guest'
          ? s.opened.machine.program.elf.instructions[(ops.pc - s.opened.machine.program.elf.pcBase) / 4]
          : 0;
      const [rd, rs1, rs2] = [regOf(word, 7), regOf(word, 15), regOf(word, 20)];
      const g = ops.groups;
      expect(g.registerReads.map((r) => [r.role, r.timestamp])).toEqual([
        ['rs1', t0],
        ['rs2', t0 + 1],
        ['rd', t0 + 2],
      ]);
      expect(g.operands.map((o) => [o.pointer, o.bytes, o.blockSize, o.timestamps, o.contiguous])).toEqual([
        [regs[rs1], 64, 32, [t0 + 3, t0 + 4], true],
        [regs[rs2], 64, 32, [t0 + 5, t0 + 6], true],
      ]);
      expect(g.result).toMatchObject({ pointer: regs[rd], bytes: 64, blockSize: 32, write: true });
      expect(g.result!.timestamps).toEqual([t0 + 7, t0 + 8]);
      // Nothing of the step is left out: 3 register reads + 4 block reads + 2 block writes.
      expect(view.accesses).toHaveLength(9);
      expect(operandText(g.operands[0])).toBe(
        `operand 1 (rs1 = ${g.registerReads[0].register}) @0x${regs[rs1].toString(16)} 64 B = 2 reads of 32 B at t=${t0 + 3}..${t0 + 4}`,
      );
      expect(registerReadsText(g.registerReads)).toMatch(
        /^register reads: rs1 \(\w+\) t=\d+, rs2 \(\w+\) t=\d+, rd \(\w+\) t=\d+$/,
      );
    });

    it('kitchen-sink: MULMOD BLS12-381 coordinate field — each 48-byte operand is 3 reads of 16 B', () => {
      const s = open('kitchen-sink', path.join(REPO_ROOT, 'examples/configs/kitchen-sink.elf.openvm.toml'));
      const { view, regs, t0 } = firstStep(s, /^modular:MUL:7$/);
      const ops = view.operands!;
      expect(ops.description).toBe('MULMOD BLS12-381 coordinate field (48 B)');
      const g = ops.groups;
      expect(g.operands.map((o) => [o.bytes, o.blockSize, o.timestamps.length])).toEqual([
        [48, 16, 3],
        [48, 16, 3],
      ]);
      expect(g.operands[0].timestamps).toEqual([t0 + 3, t0 + 4, t0 + 5]);
      expect(g.result!.timestamps).toEqual([t0 + 9, t0 + 10, t0 + 11]);
      expect(regs).toContain(g.operands[0].pointer);
      expect(operandText(g.result!)).toMatch(
        /^result \(rd = \w+\) @0x[0-9a-f]+ 48 B = 3 writes of 16 B at t=\d+..\d+$/,
      );
    });

    it('ecrecover: EC_DOUBLE reads one operand (rs1, rd); ISEQMOD writes its result to rd in AS1', () => {
      const input = path.join(REPO_ROOT, 'examples/inputs/ecrecover.input.json');
      const toml = path.join(BENCH, 'ecrecover.openvm.toml');
      const dbl = firstStep(open('ecrecover', toml, input), /^ecc:EC_DOUBLE:0$/);
      const g = dbl.view.operands!.groups;
      expect(dbl.view.operands!.description).toBe('EC_DOUBLE secp256k1 (points of 2 × 32 B)');
      expect(g.registerReads.map((r) => r.role)).toEqual(['rs1', 'rd']);
      expect(g.operands).toHaveLength(1);
      expect(g.operands[0]).toMatchObject({ bytes: 64, blockSize: 32 });
      expect(g.result).toMatchObject({ addressSpace: 2, bytes: 64 });

      const eq = firstStep(open('ecrecover', toml, input), /^modular:IS_EQ:0$/);
      const e = eq.view.operands!.groups;
      expect(e.registerReads.map((r) => r.role)).toEqual(['rs1', 'rs2']);
      expect(e.operands.map((o) => [o.bytes, o.blockSize])).toEqual([
        [32, 32],
        [32, 32],
      ]);
      expect(e.result).toMatchObject({ addressSpace: 1, bytes: 4, write: true, role: 'rd' });
      expect(operandText(e.result!)).toMatch(/^result → rd \(\w+\) in AS1, 4 B = 1 write at t=\d+$/);
    });

    it('an RV32IM step has no operand groups', () => {
      const s = open('pairing', path.join(BENCH, 'pairing.openvm.toml'));
      s.step(1);
      expect(new FrameBuilder(s, '', null).stepView()!.operands).toBeNull();
    });
  },
);

describe('Int256 steps grouped per operand (public/examples/int256.elf)', () => {
  const open256 = () =>
    Session.open('guest', new Uint8Array(readFileSync(path.join(EXAMPLES, 'int256.elf'))));
  it('mul256 (Rv32HeapAdapter<2, 32, 32>): rs1, rs2, rd, one 32-byte block per operand, one write', () => {
    const s = open256();
    const { view, regs, t0 } = firstStep(s, /^int256:MUL256$/);
    const ops = view.operands!;
    expect(ops.description).toBe('MUL256 (32 B)');
    expect(ops.text).toMatch(/^mul256 /);
    expect(ops.groups.operands.map((o) => [o.bytes, o.blockSize, o.timestamps])).toEqual([
      [32, 32, [t0 + 3]],
      [32, 32, [t0 + 4]],
    ]);
    expect(regs).toContain(ops.groups.operands[0].pointer);
    expect(ops.groups.result).toMatchObject({ bytes: 32, timestamps: [t0 + 5], write: true });
  });
  it('beq256 (Rv32HeapBranchAdapter<2, 32>): two operands and no result', () => {
    const { view, t0 } = firstStep(open256(), /^int256:BEQ256$/);
    const g = view.operands!.groups;
    expect(g.registerReads.map((r) => r.role)).toEqual(['rs1', 'rs2']);
    expect(g.operands.map((o) => o.timestamps)).toEqual([[t0 + 2], [t0 + 3]]);
    expect(g.result).toBeNull();
  });
});
