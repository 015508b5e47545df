// Per-opcode access sequences of the precompile chips against the sequences derived from OpenVM v1.7's
// PreflightExecutor::execute (docs/precompile-accesses.md): address space, pointer, size, read/write and
// timestamp of every traced access, the timestamp after the instruction, the values written (checked
// against Node crypto / @noble/hashes / BigInt), the adapter records of 16- and 32-cell blocks, and the
// errors for bad pointers.
import { createHash } from 'node:crypto';
import { keccak_256 } from '@noble/hashes/sha3.js';
import { describe, expect, it } from 'vitest';
import { EngineError } from '../../errors';
import { defaultMemoryConfig } from '../../memory/config';
import { RecordLog } from '../../memory/recordLog';
import { TracingMemory } from '../../memory/tracingMemory';
import * as O from '../isa/opcodes';
import { PrecompileExecutor } from './precompiles';

interface Acc {
  as: number;
  ptr: number;
  size: number;
  w: boolean;
  t: number;
}

const A0 = 4 * 10;
const A1 = 4 * 11;
const A2 = 4 * 12;
const PC = 0x200800;

function setup(regs: Record<number, number>, heap: Record<number, Uint8Array> = {}, t0 = 100) {
  const mem = new TracingMemory(defaultMemoryConfig(), 8, new RecordLog(true));
  for (const [ptr, v] of Object.entries(regs)) mem.pokeWord(1, Number(ptr), v);
  for (const [ptr, bytes] of Object.entries(heap))
    for (let i = 0; i < bytes.length; i++) mem.setCell(2, Number(ptr) + i, bytes[i]);
  mem.timestamp = t0;
  const log: Acc[] = [];
  mem.onAccess = (as, ptr, size, w, t) => log.push({ as, ptr, size, w, t });
  return { mem, log };
}

const R = (as: number, ptr: number, size: number, t: number): Acc => ({ as, ptr, size, w: false, t });
const W = (as: number, ptr: number, size: number, t: number): Acc => ({ as, ptr, size, w: true, t });
const cells = (mem: TracingMemory, ptr: number, n: number) =>
  Uint8Array.from({ length: n }, (_, i) => mem.getCell(2, ptr + i));
const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
const msg = (n: number) => Uint8Array.from({ length: n }, (_, i) => (i * 37 + 11) & 0xff);

describe('KECCAK256 (trace.rs 144-241)', () => {
  it('len 0: 3 register reads, no input read, digest writes at t0 + 37, final t0 + 45', () => {
    const { mem, log } = setup({ [A0]: 0x1000, [A1]: 0x2000, [A2]: 0 });
    const next = new PrecompileExecutor().execute(O.OP_KECCAK256, mem, PC, A0, A1, A2, 0);
    expect(next).toBe(PC + 4);
    const writes = Array.from({ length: 8 }, (_, i) => W(2, 0x1000 + 4 * i, 4, 137 + i));
    expect(log).toEqual([R(1, A0, 4, 100), R(1, A1, 4, 101), R(1, A2, 4, 102), ...writes]);
    expect(mem.timestamp).toBe(145);
    expect(hex(cells(mem, 0x1000, 32))).toBe(hex(keccak_256(new Uint8Array(0))));
  });
  it('len 140 (2 Keccak-f): 35 word reads, +3 before word 34, writes at t0 + 74, final t0 + 140 + 45', () => {
    const m = msg(144);
    const { mem, log } = setup({ [A0]: 0x1000, [A1]: 0x2000, [A2]: 140 }, { 0x2000: m });
    const ex = new PrecompileExecutor();
    ex.execute(O.OP_KECCAK256, mem, PC, A0, A1, A2, 0);
    const reads = Array.from({ length: 35 }, (_, i) => R(2, 0x2000 + 4 * i, 4, 103 + i + (i >= 34 ? 3 : 0)));
    const writes = Array.from({ length: 8 }, (_, i) => W(2, 0x1000 + 4 * i, 4, 174 + i));
    expect(log).toEqual([R(1, A0, 4, 100), R(1, A1, 4, 101), R(1, A2, 4, 102), ...reads, ...writes]);
    expect(mem.timestamp).toBe(100 + 140 + 45);
    expect(hex(cells(mem, 0x1000, 32))).toBe(hex(keccak_256(m.subarray(0, 140))));
    expect(ex.rows).toBe(48);
  });
  it('lengths around the 136-byte rate hash like @noble/hashes', () => {
    for (const n of [1, 3, 135, 136, 137, 271, 272, 273]) {
      const m = msg(n + 4);
      const { mem } = setup({ [A0]: 0x1000, [A1]: 0x2004, [A2]: n }, { 0x2004: m });
      new PrecompileExecutor().execute(O.OP_KECCAK256, mem, PC, A0, A1, A2, 0);
      expect(hex(cells(mem, 0x1000, 32)), `len ${n}`).toBe(hex(keccak_256(m.subarray(0, n))));
    }
  });
  it('a source past 2^29 or a misaligned digest pointer: an error naming the pc and the operand', () => {
    const far = setup({ [A0]: 0x1000, [A1]: 2 ** 29 - 4, [A2]: 8 });
    expect(() => new PrecompileExecutor().execute(O.OP_KECCAK256, far.mem, PC, A0, A1, A2, 0)).toThrow(
      /^keccak256 at pc 0x200800: rs1 \(a1\) \(source, length 8\) = 0x1ffffffc: 8 bytes from there leave address space 2/,
    );
    const odd = setup({ [A0]: 0x1002, [A1]: 0x2000, [A2]: 8 });
    try {
      new PrecompileExecutor().execute(O.OP_KECCAK256, odd.mem, PC, A0, A1, A2, 0);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(EngineError);
      expect((e as EngineError).location.pc).toBe(PC);
      expect((e as EngineError).message).toMatch(/rd \(a0\) \(digest\) = 0x1002 is not 4-byte aligned/);
    }
  });
});

describe('SHA256 (sha256_chip/trace.rs 155-245): a full hash with padding', () => {
  for (const [len, blocks] of [
    [0, 1],
    [55, 1],
    [56, 2],
    [64, 2],
    [119, 2],
    [120, 3],
  ] as const)
    it(`len ${len}: ${blocks} block(s) = ${4 * blocks} reads of 16 cells, one 32-cell write`, () => {
      const m = msg(blocks * 64);
      const { mem, log } = setup({ [A0]: 0x1000, [A1]: 0x2000, [A2]: len }, { 0x2000: m });
      const ex = new PrecompileExecutor();
      ex.execute(O.OP_SHA256, mem, PC, A0, A1, A2, 0);
      const reads = Array.from({ length: 4 * blocks }, (_, i) => R(2, 0x2000 + 16 * i, 16, 103 + i));
      expect(log).toEqual([
        R(1, A0, 4, 100),
        R(1, A1, 4, 101),
        R(1, A2, 4, 102),
        ...reads,
        W(2, 0x1000, 32, 103 + 4 * blocks),
      ]);
      expect(mem.timestamp).toBe(104 + 4 * blocks);
      expect(hex(cells(mem, 0x1000, 32))).toBe(createHash('sha256').update(m.subarray(0, len)).digest('hex'));
      expect(ex.rows).toBe(17 * blocks);
    });
  it('16- and 32-cell blocks make AccessAdapterAir<16>/<32> records (first touch, persistent)', () => {
    const { mem } = setup({ [A0]: 0x1000, [A1]: 0x2000, [A2]: 3 }, { 0x2000: msg(64) });
    new PrecompileExecutor().execute(O.OP_SHA256, mem, PC, A0, A1, A2, 0);
    const recs = Array.from({ length: mem.records.length }, (_, i) => mem.records.get(i));
    const merges = recs.filter((r) => r.kind === 'merge' && r.addressSpace === 2);
    expect(merges.map((r) => [r.pointer, r.blockSize])).toEqual([
      [0x2000, 16],
      [0x2010, 16],
      [0x2020, 16],
      [0x2030, 16],
      [0x1000, 32],
    ]);
    expect(mem.records.rows[3]).toBeGreaterThan(0); // <16>
    expect(mem.records.rows[4]).toBeGreaterThan(0); // <32>
  });
  it('an unaligned source (4 mod 16): 16-cell blocks that straddle the initial 8-cell blocks, as OpenVM allows', () => {
    const { mem, log } = setup({ [A0]: 0x1000, [A1]: 0x2004, [A2]: 5 }, { 0x2004: msg(64) });
    new PrecompileExecutor().execute(O.OP_SHA256, mem, PC, A0, A1, A2, 0);
    expect(log.slice(3, 7).map((a) => a.ptr)).toEqual([0x2004, 0x2014, 0x2024, 0x2034]);
    expect(hex(cells(mem, 0x1000, 32))).toBe(createHash('sha256').update(msg(5)).digest('hex'));
  });
  it('padding room past 2^29: an error naming rs1', () => {
    const { mem } = setup({ [A0]: 0x1000, [A1]: 2 ** 29 - 64, [A2]: 60 });
    expect(() => new PrecompileExecutor().execute(O.OP_SHA256, mem, PC, A0, A1, A2, 0)).toThrow(
      /sha256 at pc 0x200800: rs1 \(a1\) \(source, length 60, read as 2 padded blocks\)/,
    );
  });
});

const M = 1n << 256n;
function le(v: bigint): Uint8Array {
  const out = new Uint8Array(32);
  let x = ((v % M) + M) % M;
  for (let i = 0; i < 32; i++, x >>= 8n) out[i] = Number(x & 0xffn);
  return out;
}
const big = (b: Uint8Array) => BigInt(`0x${hex(b.slice().reverse())}`);
const signed = (v: bigint) => (v >= 1n << 255n ? v - M : v);

describe('Int256 ALU chips (Rv32HeapAdapter<2, 32, 32>)', () => {
  const a = (1n << 255n) + 12345n; // negative as a signed value
  const b = 0x1234_5678_9abc_def0_1122_3344n;
  const cases: [number, (x: bigint, y: bigint) => bigint][] = [
    [O.OP_ADD256, (x, y) => x + y],
    [O.OP_SUB256, (x, y) => x - y],
    [O.OP_XOR256, (x, y) => x ^ y],
    [O.OP_OR256, (x, y) => x | y],
    [O.OP_AND256, (x, y) => x & y],
    [O.OP_SLL256, (x, y) => x << (y % 256n)],
    [O.OP_SRL256, (x, y) => x >> (y % 256n)],
    [O.OP_SRA256, (x, y) => signed(x) >> (y % 256n)],
    [O.OP_SLT256, (x, y) => (signed(x) < signed(y) ? 1n : 0n)],
    [O.OP_SLTU256, (x, y) => (x < y ? 1n : 0n)],
    [O.OP_MUL256, (x, y) => x * y],
  ];
  for (const [op, ref] of cases)
    it(`${O.OP_NAMES[op]}: R(1,rs1) R(1,rs2) R(1,rd) R(2,x,32) R(2,y,32) W(2,z,32), value = BigInt`, () => {
      const { mem, log } = setup(
        { [A0]: 0x3000, [A1]: 0x2000, [A2]: 0x2020 },
        { 0x2000: le(a), 0x2020: le(b) },
      );
      expect(new PrecompileExecutor().execute(op, mem, PC, A0, A1, A2, 0)).toBe(PC + 4);
      expect(log).toEqual([
        R(1, A1, 4, 100),
        R(1, A2, 4, 101),
        R(1, A0, 4, 102),
        R(2, 0x2000, 32, 103),
        R(2, 0x2020, 32, 104),
        W(2, 0x3000, 32, 105),
      ]);
      expect(mem.timestamp).toBe(106);
      expect(big(cells(mem, 0x3000, 32))).toBe(((ref(a, b) % M) + M) % M);
    });
  it('the same 32-cell operand and destination (x = x + x), in place', () => {
    const { mem } = setup({ [A0]: 0x2000, [A1]: 0x2000, [A2]: 0x2000 }, { 0x2000: le(M - 1n) });
    new PrecompileExecutor().execute(O.OP_ADD256, mem, PC, A0, A1, A2, 0);
    expect(big(cells(mem, 0x2000, 32))).toBe(M - 2n);
  });
  it('a destination past 2^29: an error naming pc and rd, before any heap access', () => {
    const { mem, log } = setup({ [A0]: 2 ** 29 - 16, [A1]: 0x2000, [A2]: 0x2020 });
    expect(() => new PrecompileExecutor().execute(O.OP_MUL256, mem, PC, A0, A1, A2, 0)).toThrow(
      /^mul256 at pc 0x200800: rd \(a0\) = 0x1ffffff0: 32 bytes from there leave address space 2/,
    );
    expect(log.every((x) => x.as === 1)).toBe(true);
  });
});

describe('Int256 branches (Rv32HeapBranchAdapter<2, 32>)', () => {
  const kinds: [number, (x: bigint, y: bigint) => boolean][] = [
    [O.OP_BEQ256, (x, y) => x === y],
    [O.OP_BNE256, (x, y) => x !== y],
    [O.OP_BLT256, (x, y) => signed(x) < signed(y)],
    [O.OP_BGE256, (x, y) => signed(x) >= signed(y)],
    [O.OP_BLTU256, (x, y) => x < y],
    [O.OP_BGEU256, (x, y) => x >= y],
  ];
  const pairs: [bigint, bigint][] = [
    [5n, 5n],
    [(1n << 255n) - 1n, 1n << 255n], // across the sign boundary
    [1n << 255n, (1n << 255n) - 1n],
    [0n, M - 1n],
  ];
  for (const [op, ref] of kinds)
    it(`${O.OP_NAMES[op]}: R(1,rs1) R(1,rs2) R(2,x,32) R(2,y,32); pc + imm when taken`, () => {
      for (const [x, y] of pairs) {
        const { mem, log } = setup({ [A1]: 0x2000, [A2]: 0x2040 }, { 0x2000: le(x), 0x2040: le(y) });
        const next = new PrecompileExecutor().execute(op, mem, PC, 0, A1, A2, -64);
        expect(log).toEqual([
          R(1, A1, 4, 100),
          R(1, A2, 4, 101),
          R(2, 0x2000, 32, 102),
          R(2, 0x2040, 32, 103),
        ]);
        expect(mem.timestamp).toBe(104);
        expect(next, `${x} ${y}`).toBe(ref(x, y) ? PC - 64 : PC + 4);
      }
    });
});
