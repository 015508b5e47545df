import { describe, expect, it } from 'vitest';
import * as A from '../asm/encode';
import { decodeWord } from './decoder';
import * as O from './opcodes';

describe('decoding as OpenVM transpiles', () => {
  it('rd = x0 ALU / M / LUI / AUIPC become NOP; loads, JAL, JALR keep rd = 0', () => {
    for (const w of [
      A.add(0, 1, 2),
      A.mul(0, 1, 2),
      A.addi(0, 1, 5),
      A.slli(0, 1, 3),
      A.lui(0, 1),
      A.auipc(0, 1),
    ])
      expect(decodeWord(w).op).toBe(O.OP_NOP);
    expect(decodeWord(A.lw(0, 1, 4))).toMatchObject({ op: O.OP_LW, rd: 0, rs1: 1, imm: 4 });
    expect(decodeWord(A.jal(0, -8))).toMatchObject({ op: O.OP_JAL, rd: 0, imm: -8 });
    expect(decodeWord(A.jalr(0, 1, -2048))).toMatchObject({ op: O.OP_JALR, rd: 0, imm: -2048 });
  });
  it('immediates in executor form', () => {
    expect(decodeWord(A.sw(5, 6, -4))).toMatchObject({ op: O.OP_SW, rs1: 6, rs2: 5, imm: -4 });
    expect(decodeWord(A.beq(1, 2, -4096))).toMatchObject({ op: O.OP_BEQ, imm: -4096 });
    expect(decodeWord(A.jal(1, 0xffffe))).toMatchObject({ op: O.OP_JAL, imm: 0xffffe });
    expect(decodeWord(A.lui(3, 0xfffff)).imm >>> 0).toBe(0xfffff000);
    expect(decodeWord(A.srai(3, 4, 31))).toMatchObject({ op: O.OP_SRAI, imm: 31 });
  });
  it('SYSTEM words: csrrw x0, csr, x0 is a NOP (the canonical unimp 0xc0001073 too); anything else terminates with 2', () => {
    expect(decodeWord(0xc0001073).op).toBe(O.OP_NOP);
    expect(decodeWord(A.ecall())).toMatchObject({ op: O.OP_TERMINATE, imm: 2 });
    expect(decodeWord(0x00100073)).toMatchObject({ op: O.OP_TERMINATE, imm: 2 }); // ebreak
    expect(decodeWord(0xc00025f3)).toMatchObject({ op: O.OP_TERMINATE, imm: 2 }); // csrrs a1, cycle, x0
  });
  it('OpenVM custom-0 words', () => {
    expect(decodeWord(A.terminate(7))).toMatchObject({ op: O.OP_TERMINATE, imm: 7 });
    expect(decodeWord(A.terminate(256)).op).toBe(O.OP_ILLEGAL); // "exit code must be byte"
    expect(decodeWord(A.hintbuffer(11, 13))).toMatchObject({ op: O.OP_HINT_BUFFER, rd: 11, rs1: 13 });
    expect(decodeWord(A.reveal(10, 11, -4))).toMatchObject({ op: O.OP_REVEAL, rd: 11, rs1: 10, imm: -4 });
    expect(decodeWord(A.hintLoadByKey(10, 11)).op).toBe(O.OP_HINT_LOAD_BY_KEY);
    expect(decodeWord(A.hintinput() | (4 << 20)).op).toBe(O.OP_ILLEGAL); // phantom imm 4
    expect(decodeWord(0x0000400b).op).toBe(O.OP_KECCAK256);
    expect(decodeWord(0x0200400b).op).toBe(O.OP_SHA256);
    expect(decodeWord(0x0400400b).op).toBe(O.OP_ILLEGAL); // funct3 100, funct7 2: no transpiler claims it
    expect(decodeWord(0x1400500b).op).toBe(O.OP_MUL256); // Int256Funct7::Mul = 10
    expect(decodeWord(0x1600500b).op).toBe(O.OP_ILLEGAL); // funct7 11: the transpiler's unimplemented!()
    expect(decodeWord(0x0000600b | (1 << 15) | (2 << 20))).toMatchObject({
      op: O.OP_BEQ256,
      rs1: 1,
      rs2: 2,
      imm: 0,
    });
    expect(decodeWord(0x0000700b | (2 << 25)).op).toBe(O.OP_UNSUPPORTED); // nativestorew
    expect(decodeWord(0x0000002b)).toMatchObject({ op: O.OP_ALGEBRA, imm: 0x2b }); // addmod<0>: the word is the imm
    expect(decodeWord(0x0800002b).op).toBe(O.OP_NOP); // iseqmod with rd = x0: the transpiler's NOP
    expect(decodeWord(0x0a30002b).op).toBe(O.OP_ILLEGAL); // setupmod with rs2 = x3: transpiler panic
  });
  it('rrs-lib quirks kept: slli accepts any funct7, srli does not; jalr ignores funct3', () => {
    expect(decodeWord(A.slli(1, 2, 3) | (1 << 30)).op).toBe(O.OP_SLLI);
    expect(decodeWord(A.srli(1, 2, 3) | (1 << 26)).op).toBe(O.OP_ILLEGAL);
    expect(decodeWord(A.jalr(1, 2, 0) | (3 << 12)).op).toBe(O.OP_JALR);
  });
});
