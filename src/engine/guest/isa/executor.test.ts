import { describe, expect, it } from 'vitest';
import * as A from '../asm/encode';
import { parseInput } from '../io/input';
import { runWords, TEXT_BASE } from './runWords.testutil';

const { a0, a1, t0, t1, t2 } = A;
const rec = (r: {
  kind: string;
  addressSpace: number;
  pointer: number;
  blockSize: number;
  lowestBlockSize: number;
  timestamp: number;
  prevTimestamps?: number[];
}) =>
  `${r.kind} (${r.addressSpace},${r.pointer},${r.blockSize}${r.kind === 'split' ? '->' : '<-'}${r.lowestBlockSize},ts${r.timestamp}${r.prevTimestamps ? `,[${r.prevTimestamps}]` : ''})`;

describe('OpenVM access sequences', () => {
  it('spec example F: a tiny RV32 program, access by access', () => {
    const { run, accesses, memory } = runWords([
      A.lui(2, 1),
      A.addi(1, 0, -1),
      A.sw(1, 2, 0),
      A.lbu(3, 2, 1),
      A.sb(0, 2, 2),
      A.terminate(0),
    ]);
    expect(run.machine.status).toBe('terminated');
    expect(accesses.map((a) => `${a.isWrite ? 'W' : 'R'}(${a.as},${a.ptr})@${a.t} prev ${a.tPrev}`)).toEqual([
      'W(1,8)@1 prev 0',
      'R(1,0)@2 prev 0',
      'W(1,4)@4 prev 0',
      'R(1,8)@5 prev 1',
      'R(1,4)@6 prev 4',
      'W(2,4096)@7 prev 0',
      'R(1,8)@8 prev 5',
      'R(2,4096)@9 prev 7',
      'W(1,12)@10 prev 0',
      'R(1,8)@11 prev 8',
      'R(1,0)@12 prev 2',
      'W(2,4096)@13 prev 9',
    ]);
    expect(memory.timestamp).toBe(14);
    expect(run.registers()[3]).toBe(0xff);
    expect(memory.peekWord(2, 0x1000)).toBe(0xff00ffff);
    run.finalize();
    const records = Array.from({ length: memory.records.length }, (_, i) => rec(memory.records.get(i)));
    expect(records).toEqual([
      'split (1,8,8->4,ts0)',
      'split (1,0,8->4,ts0)',
      'split (2,4096,8->4,ts0)',
      'merge (1,0,8<-4,ts12,[12,6])',
      'merge (1,8,8<-4,ts11,[11,10])',
      'merge (2,4096,8<-4,ts13,[13,0])',
    ]);
    expect(memory.records.rows[2]).toBe(6); // AccessAdapterAir<8>
  });

  it('x0: ALU writes are NOPs (one timestamp, no access); loads and jumps read, then skip the write with +1', () => {
    const nop = runWords([A.addi(0, 1, 5), A.add(0, 1, 2), A.lui(0, 5), A.terminate(0)]);
    expect(nop.accesses).toEqual([]);
    expect(nop.memory.timestamp).toBe(4);
    const load = runWords([
      A.lui(t0, 1),
      A.lw(0, t0, 0),
      A.jal(0, 4),
      A.auipc(t1, 0),
      A.jalr(0, t1, 8),
      A.terminate(0),
    ]);
    const seq = load.accesses.map((a) => `${a.isWrite ? 'W' : 'R'}(${a.as},${a.ptr})@${a.t}`);
    // lw x0: R rs1 @2, R mem @3, +1 @4; jal x0: +1 @5; auipc t1: W @6; jalr x0: R t1 @7, +1 @8
    expect(seq).toEqual(['W(1,20)@1', 'R(1,20)@2', 'R(2,4096)@3', 'W(1,24)@6', 'R(1,24)@7']);
    expect(load.memory.timestamp).toBe(9);
    expect(load.run.registers()[0]).toBe(0);
  });

  it('sub-word stores are full-word writes merging into the previous word (OpenVM loadstore sanity vectors)', () => {
    const word = (b: number[]) => (b[0] | (b[1] << 8) | (b[2] << 16) | (b[3] << 24)) >>> 0;
    const cases: [number, number, number[], number[]][] = [
      // [store op, shift, rs2 bytes, previous memory] -> expected from OpenVM's run_write_data tests
      [A.sh(t1, t0, 0), 0, [250, 123, 67, 198], [144, 56, 175, 92]],
      [A.sh(t1, t0, 2), 2, [250, 123, 67, 198], [144, 56, 175, 92]],
      ...[0, 1, 2, 3].map((k): [number, number, number[], number[]] => [
        A.sb(t1, t0, k),
        k,
        [221, 1, 2, 3],
        [199, 83, 243, 12],
      ]),
    ];
    const expected = [
      [250, 123, 175, 92],
      [144, 56, 250, 123],
      [221, 83, 243, 12],
      [199, 221, 243, 12],
      [199, 83, 221, 12],
      [199, 83, 243, 221],
    ];
    cases.forEach(([store, , value, prev], k) => {
      const { run, memory } = runWords([
        A.lui(t0, 1),
        ...A.li(t2, word(prev)),
        A.sw(t2, t0, 0),
        ...A.li(t1, word(value)),
        store,
        A.terminate(0),
      ]);
      expect(run.machine.status).toBe('terminated');
      expect(memory.peekWord(2, 0x1000)).toBe(word(expected[k]));
    });
  });

  it('sub-word loads read the aligned word and extend (OpenVM loadstore / load-sign-extend vectors)', () => {
    const word = (b: number[]) => (b[0] | (b[1] << 8) | (b[2] << 16) | (b[3] << 24)) >>> 0;
    const cases: [(rd: number, rs1: number, imm: number) => number, number, number[], number[]][] = [
      [A.lhu, 0, [175, 33, 198, 250], [175, 33, 0, 0]],
      [A.lhu, 2, [175, 33, 198, 250], [198, 250, 0, 0]],
      [A.lbu, 3, [131, 74, 186, 29], [29, 0, 0, 0]],
      [A.lh, 0, [34, 159, 237, 151], [34, 159, 255, 255]],
      [A.lh, 2, [34, 159, 237, 151], [237, 151, 255, 255]],
      [A.lh, 2, [34, 121, 237, 97], [237, 97, 0, 0]],
      [A.lb, 1, [173, 210, 227, 255], [210, 255, 255, 255]],
      [A.lb, 2, [45, 82, 99, 127], [99, 0, 0, 0]],
    ];
    for (const [load, shift, mem, expected] of cases) {
      const { run } = runWords([
        A.lui(t0, 1),
        ...A.li(t2, word(mem)),
        A.sw(t2, t0, 0),
        load(a0, t0, shift),
        A.terminate(0),
      ]);
      expect(run.registers()[a0]).toBe(word(expected));
    }
  });

  it('misaligned word access, pointer >= 2^29 and jumps out of the program fail with the pc', () => {
    const lw = runWords([A.lui(t0, 1), A.lw(a0, t0, 2), A.terminate(0)]);
    expect(lw.machine.status).toBe('failed');
    expect(lw.machine.error?.message).toMatch(/misaligned LOADW at address 0x1002/);
    expect(lw.machine.error?.location.pc).toBe(TEXT_BASE + 4);
    // rv32im test_load_x0: lui t0,0x40000; lw x0,0(t0) panics
    const far = runWords([A.lui(t0, 0x40000), A.lw(0, t0, 0), A.terminate(0)]);
    expect(far.machine.error?.message).toMatch(/memory address 0x40000000 is not below 2\^29/);
    const out = runWords([A.jal(0, 64)]);
    expect(out.machine.error?.message).toMatch(/^PcOutOfBounds: pc 0x200840 is outside the program/);
  });

  it('an algebra word without its setting stops naming the setting; ecall terminates with exit code 2', () => {
    const modular = 0x0000002b | (1 << 25);
    expect(runWords([modular]).machine.error?.message).toMatch(
      /submod\[mod0\] at pc 0x[0-9a-f]+: \[app_vm_config\.modular\] supported_moduli is not configured/,
    );
    const ecall = runWords([A.ecall()]);
    expect(ecall.machine.status).toBe('terminated');
    expect(ecall.machine.exitCode).toBe(2);
    expect(ecall.memory.timestamp).toBe(1);
    expect(ecall.machine.instret).toBe(1);
  });

  it('the step limit pauses, and running again resumes where it stopped', () => {
    const loop = [A.addi(a0, 0, 100), A.addi(a0, a0, -1), A.bne(a0, 0, -4), A.terminate(0)];
    const whole = runWords(loop);
    const paused = runWords(loop, { maxSteps: 50 });
    expect(paused.machine.status).toBe('paused');
    expect(paused.machine.instret).toBe(50);
    expect(paused.run.run(1_000_000)).toBe('terminated');
    expect(paused.machine.instret).toBe(whole.machine.instret);
    expect(paused.memory.timestamp).toBe(whole.memory.timestamp);
    expect(whole.machine.instret).toBe(1 + 2 * 100 + 1);
  });
});

describe('system and IO instructions', () => {
  it('hintinput + hintstorew + hintbuffer: length prefix, zero padding, Δts 3 and 3n', () => {
    const input = parseInput('{"input": ["0x0101020304050607"]}');
    const program = [
      A.lui(t0, 1),
      A.hintinput(),
      A.hintstorew(t0),
      A.addi(t1, t0, 4),
      A.addi(t2, 0, 2),
      A.hintbuffer(t1, t2),
      A.terminate(0),
    ];
    const { run, accesses, memory } = runWords(program, { input });
    expect(run.machine.status).toBe('terminated');
    expect(memory.peekWord(2, 0x1000)).toBe(7); // the vector's length, 4 LE bytes
    expect(memory.peekWord(2, 0x1004)).toBe(0x04030201);
    expect(memory.peekWord(2, 0x1008)).toBe(0x00070605); // zero-padded to 8
    const hint = accesses.filter((a) => a.t >= 3);
    // hintstorew at ts 3: R t0 @3, +1, W @5; addi t1 @6-8; addi t2 (reads x0) @9-11; hintbuffer: R t1 @12, R t2 @13, W @14, +2, W @17
    expect(hint.map((a) => `${a.isWrite ? 'W' : 'R'}(${a.as},${a.ptr})@${a.t}`)).toEqual([
      'R(1,20)@3',
      'W(2,4096)@5',
      'R(1,20)@6',
      'W(1,24)@8',
      'R(1,0)@9',
      'W(1,28)@11',
      'R(1,24)@12',
      'R(1,28)@13',
      'W(2,4100)@14',
      'W(2,4104)@17',
    ]);
    expect(memory.timestamp).toBe(18);
    expect(run.streams.hintRemaining).toBe(0);
  });

  it('hint stream errors: EndOfInputStream and HintOutOfBounds', () => {
    expect(runWords([A.hintinput()]).machine.error?.message).toMatch(/^EndOfInputStream/);
    const input = parseInput('0x01aabb');
    const r = runWords([A.lui(t0, 1), A.hintinput(), A.addi(t2, 0, 3), A.hintbuffer(t0, t2)], { input });
    expect(r.machine.error?.message).toMatch(
      /^HintOutOfBounds: the hint stream holds 8 elements but 3 word\(s\)/,
    );
  });

  it('reveal writes the public values (AS3); printstr prints; hintrandom fills the hint stream', () => {
    const msg = new TextEncoder().encode('héllo');
    const words = [
      ...A.li(a0, 0x12345678),
      A.addi(a1, 0, 4),
      A.reveal(a0, a1, 4), // AS3[8..12) = 78 56 34 12
      ...A.li(t0, 0x1000),
      ...msg.reduce((acc: number[], b, i) => [...acc, A.addi(t1, 0, b), A.sb(t1, t0, i)], []),
      A.addi(t2, 0, msg.length),
      A.printstr(t0, t2),
      A.addi(t1, 0, 2),
      A.hintrandom(t1),
      A.terminate(0),
    ];
    const { run, accesses } = runWords(words);
    expect(run.machine.status).toBe('terminated');
    expect(Array.from(run.publicValues().subarray(8, 12))).toEqual([0x78, 0x56, 0x34, 0x12]);
    expect(accesses.filter((a) => a.as === 3)).toHaveLength(1);
    expect(run.machine.console).toBe('héllo');
    expect(run.streams.hintRemaining).toBe(8);
    expect(Array.from(run.streams.hintSnapshot()).every((b) => b >= 0 && b < 256)).toBe(true);
  });
});
