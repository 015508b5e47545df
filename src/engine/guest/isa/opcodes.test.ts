// The opcode tables stay in step: a name and a chip for every opcode; the precompiles map to the OpenVM
// executors and extensions that run them.
import { describe, expect, it } from 'vitest';
import * as O from './opcodes';

describe('opcode tables', () => {
  it('every opcode has a name and a chip', () => {
    expect(O.OP_NAMES).toHaveLength(O.OP_COUNT);
    expect(O.OP_CHIP).toHaveLength(O.OP_COUNT);
    expect(O.OP_CHIP.every((c) => typeof c === 'string' && c !== '')).toBe(true);
  });
  it('spot checks: RV32IM and precompile chips', () => {
    expect(O.OP_CHIP[O.OP_ADD]).toBe('Rv32BaseAlu');
    expect(O.OP_CHIP[O.OP_SLTIU]).toBe('Rv32LessThan');
    expect(O.OP_CHIP[O.OP_MULHU]).toBe('Rv32MulH');
    expect(O.OP_CHIP[O.OP_LB]).toBe('Rv32LoadSignExtend');
    expect(O.OP_CHIP[O.OP_SW]).toBe('Rv32LoadStore');
    expect(O.OP_CHIP[O.OP_BGEU]).toBe('Rv32BranchLessThan');
    expect(O.OP_CHIP[O.OP_AUIPC]).toBe('Rv32Auipc');
    expect(O.OP_CHIP[O.OP_HOOK]).toBe('Hook');
    expect(O.OP_CHIP[O.OP_KECCAK256]).toBe('KeccakVm');
    expect(O.OP_CHIP[O.OP_SHA256]).toBe('Sha256Vm');
    expect(O.OP_CHIP[O.OP_SRA256]).toBe('Rv32Shift256');
    expect(O.OP_CHIP[O.OP_MUL256]).toBe('Rv32Multiplication256');
    expect(O.OP_CHIP[O.OP_BEQ256]).toBe('Rv32BranchEqual256');
    expect(O.OP_CHIP[O.OP_BGEU256]).toBe('Rv32BranchLessThan256');
  });
  it('extensions of the precompile opcodes', () => {
    expect(O.opExtension(O.OP_KECCAK256)).toBe('Keccak-256');
    expect(O.opExtension(O.OP_SHA256)).toBe('SHA2-256');
    for (let op = O.OP_ADD256; op <= O.OP_BGEU256; op++) expect(O.opExtension(op)).toBe('BigInt (Int256)');
    expect(O.opExtension(O.OP_ADD)).toBeUndefined();
  });
});
