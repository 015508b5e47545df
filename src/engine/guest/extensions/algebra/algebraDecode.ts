// Decoding of the custom-1 (opcode 0x2b) words of OpenVM v1.7's algebra, ECC and pairing extensions, as
// their transpilers read them: extensions/algebra/transpiler (ModularTranspilerExtension funct3 0,
// Fp2TranspilerExtension funct3 2), extensions/ecc/transpiler (funct3 1), extensions/pairing/transpiler
// (funct3 3). The funct7 field is `index * MAX_KINDS + base_funct7` (MAX_KINDS = 8; 16 for pairing), the
// index selecting the modulus / Fp2 field / curve in config order (for pairing: the PairingCurve
// discriminant, 0 = Bn254, 1 = Bls12_381). The VM opcode is CLASS_OFFSET + local + index * COUNT
// (modular 0x500, COUNT 8; ECC 0x600, COUNT 4; Fp2 0x710, COUNT 6); hints are PHANTOMs with discriminant
// 0x50 HintNonQr, 0x51 HintSqrt, 0x30 HintFinalExp and c_upper = index.
// Transpiler oddities kept: modular and Fp2 setups use rs2 only to pick the setup kind and get c = 0, so
// the instruction's rs2 is x0 (the chip then reads register x0 and AS2 from address 0); `iseqmod` with
// rd = x0 becomes a NOP (from_r_type with allow_rd_zero = false);
// the ECC setup is SETUP_EC_DOUBLE iff rs2 = x0, else SETUP_EC_ADD_NE; words the transpiler panics on
// (setup with an unknown rs2, SETUP_ISEQ with rd = x0, hint operands that must be x0, unimplemented base
// funct7) are `illegal` with the panic's reason. Pure; O(1) per word.

import { REG_NAMES } from '../../isa/registerNames';
import type { VmConfig } from '../../config/vmConfig';
import { modulusName } from './knownModuli';

export type AlgebraExtension = 'modular' | 'fp2' | 'ecc' | 'pairing';

/** Local opcodes by OpenVM's enum names (Rv32ModularArithmeticOpcode, Fp2Opcode, Rv32WeierstrassOpcode, phantoms). */
export type AlgebraOpName =
  | 'ADD'
  | 'SUB'
  | 'SETUP_ADDSUB'
  | 'MUL'
  | 'DIV'
  | 'SETUP_MULDIV'
  | 'IS_EQ'
  | 'SETUP_ISEQ'
  | 'EC_ADD_NE'
  | 'SETUP_EC_ADD_NE'
  | 'EC_DOUBLE'
  | 'SETUP_EC_DOUBLE'
  | 'HintNonQr'
  | 'HintSqrt'
  | 'HintFinalExp'
  | 'NOP';

export interface AlgebraInstruction {
  extension: AlgebraExtension;
  op: AlgebraOpName;
  /** Modulus / Fp2 / curve index (config order), or the PairingCurve discriminant. */
  index: number;
  /** The VM opcode (chips) or the phantom discriminant (hints); -1 for NOP. */
  opcode: number;
  phantom: boolean;
  rd: number;
  rs1: number;
  rs2: number;
}

export type AlgebraDecode = { ok: AlgebraInstruction } | { illegal: string };

const MODULAR_LOCAL: Record<string, number> = {
  ADD: 0,
  SUB: 1,
  SETUP_ADDSUB: 2,
  MUL: 3,
  DIV: 4,
  SETUP_MULDIV: 5,
  IS_EQ: 6,
  SETUP_ISEQ: 7,
};
const FP2_LOCAL: Record<string, number> = {
  ADD: 0,
  SUB: 1,
  SETUP_ADDSUB: 2,
  MUL: 3,
  DIV: 4,
  SETUP_MULDIV: 5,
};
const ECC_LOCAL: Record<string, number> = {
  EC_ADD_NE: 0,
  SETUP_EC_ADD_NE: 1,
  EC_DOUBLE: 2,
  SETUP_EC_DOUBLE: 3,
};
export const MODULAR_OFFSET = 0x500;
export const ECC_OFFSET = 0x600;
export const FP2_OFFSET = 0x710;
export const PHANTOM_HINT_NON_QR = 0x50;
export const PHANTOM_HINT_SQRT = 0x51;
export const PHANTOM_HINT_FINAL_EXP = 0x30;

const MOD_BASE: AlgebraOpName[] = ['ADD', 'SUB', 'MUL', 'DIV', 'IS_EQ'];
const FP2_BASE: AlgebraOpName[] = ['ADD', 'SUB', 'MUL', 'DIV'];

/** Decodes a word, or returns undefined when it is no algebra/ECC/pairing word (other opcode or funct3). */
export function decodeAlgebraWord(w: number): AlgebraDecode | undefined {
  w >>>= 0;
  if ((w & 0x7f) !== 0x2b) return undefined;
  const funct3 = (w >>> 12) & 7;
  const rd = (w >>> 7) & 0x1f;
  const rs1 = (w >>> 15) & 0x1f;
  const rs2 = (w >>> 20) & 0x1f;
  const funct7 = w >>> 25;
  const regs = { rd, rs1, rs2 };
  const chip = (
    extension: AlgebraExtension,
    op: AlgebraOpName,
    index: number,
    opcode: number,
  ): AlgebraDecode => ({
    ok: { extension, op, index, opcode, phantom: false, ...regs },
  });
  const hint = (extension: AlgebraExtension, op: AlgebraOpName, index: number, d: number): AlgebraDecode => ({
    ok: { extension, op, index, opcode: d, phantom: true, ...regs },
  });
  switch (funct3) {
    case 0: {
      const base = funct7 % 8;
      const idx = funct7 >>> 3;
      const opcode = (name: string) => MODULAR_OFFSET + MODULAR_LOCAL[name] + idx * 8;
      if (base === 5) {
        const op = (['SETUP_ADDSUB', 'SETUP_MULDIV', 'SETUP_ISEQ'] as const)[rs2];
        if (op === undefined)
          return { illegal: `setupmod with rs2 = x${rs2}: the transpiler panics "invalid opcode"` };
        if (op === 'SETUP_ISEQ' && rd === 0)
          return { illegal: 'SETUP_ISEQ is not valid for rd = x0 (transpiler panic)' };
        // The transpiler's c = 0: the chip's second pointer is register x0, whatever rs2 selected.
        return {
          ok: { extension: 'modular', op, index: idx, opcode: opcode(op), phantom: false, rd, rs1, rs2: 0 },
        };
      }
      if (base === 6) {
        if (rd !== 0 || rs1 !== 0 || rs2 !== 0)
          return { illegal: 'hint_non_qr needs rd = rs1 = rs2 = x0 (transpiler assert)' };
        return hint('modular', 'HintNonQr', idx, PHANTOM_HINT_NON_QR);
      }
      if (base === 7) {
        if (rd !== 0 || rs2 !== 0) return { illegal: 'hint_sqrt needs rd = rs2 = x0 (transpiler assert)' };
        return hint('modular', 'HintSqrt', idx, PHANTOM_HINT_SQRT);
      }
      const op = MOD_BASE[base];
      if (op === 'IS_EQ' && rd === 0)
        return { ok: { extension: 'modular', op: 'NOP', index: idx, opcode: -1, phantom: false, ...regs } };
      return chip('modular', op, idx, opcode(op));
    }
    case 2: {
      const base = funct7 % 8;
      const idx = funct7 >>> 3;
      const opcode = (name: string) => FP2_OFFSET + FP2_LOCAL[name] + idx * 6;
      if (base === 4) {
        const op = (['SETUP_ADDSUB', 'SETUP_MULDIV'] as const)[rs2];
        if (op === undefined)
          return { illegal: `setupcomplex with rs2 = x${rs2}: the transpiler panics "invalid opcode"` };
        return {
          ok: { extension: 'fp2', op, index: idx, opcode: opcode(op), phantom: false, rd, rs1, rs2: 0 },
        };
      }
      const op = FP2_BASE[base];
      if (op === undefined)
        return { illegal: `complex-field base funct7 ${base} is unimplemented!() in the transpiler` };
      return chip('fp2', op, idx, opcode(op));
    }
    case 1: {
      const base = funct7 % 8;
      const idx = funct7 >>> 3;
      const opcode = (name: string) => ECC_OFFSET + ECC_LOCAL[name] + idx * 4;
      if (base === 2) {
        const op = rs2 === 0 ? 'SETUP_EC_DOUBLE' : 'SETUP_EC_ADD_NE';
        return chip('ecc', op, idx, opcode(op));
      }
      if (base === 0) return chip('ecc', 'EC_ADD_NE', idx, opcode('EC_ADD_NE'));
      if (base === 1) {
        if (rs2 !== 0) return { illegal: 'sw_double needs rs2 = x0 (transpiler assert)' };
        return chip('ecc', 'EC_DOUBLE', idx, opcode('EC_DOUBLE'));
      }
      return { illegal: `short Weierstrass base funct7 ${base} is unimplemented!() in the transpiler` };
    }
    case 3: {
      const base = funct7 % 16;
      const idx = funct7 >>> 4;
      if (base !== 0) return { illegal: `pairing base funct7 ${base} is claimed by no transpiler extension` };
      if (rd !== 0) return { illegal: 'hint_final_exp needs rd = x0 (transpiler assert)' };
      return hint('pairing', 'HintFinalExp', idx, PHANTOM_HINT_FINAL_EXP);
    }
    default:
      return undefined;
  }
}

const MNEMONIC: Record<AlgebraExtension, Partial<Record<AlgebraOpName, string>>> = {
  modular: {
    ADD: 'addmod',
    SUB: 'submod',
    MUL: 'mulmod',
    DIV: 'divmod',
    IS_EQ: 'iseqmod',
    SETUP_ADDSUB: 'setup_addsubmod',
    SETUP_MULDIV: 'setup_muldivmod',
    SETUP_ISEQ: 'setup_iseqmod',
    HintNonQr: 'hint_non_qr',
    HintSqrt: 'hint_sqrt',
    NOP: 'nop',
  },
  fp2: {
    ADD: 'addcomplex',
    SUB: 'subcomplex',
    MUL: 'mulcomplex',
    DIV: 'divcomplex',
    SETUP_ADDSUB: 'setup_addsubcomplex',
    SETUP_MULDIV: 'setup_muldivcomplex',
  },
  ecc: {
    EC_ADD_NE: 'sw_add_ne',
    EC_DOUBLE: 'sw_double',
    SETUP_EC_ADD_NE: 'sw_setup_add_ne',
    SETUP_EC_DOUBLE: 'sw_setup_double',
  },
  pairing: { HintFinalExp: 'hint_final_exp' },
};

/** The name of the modulus / field / curve an instruction works on (config names, or `<index>`). */
export function targetName(ins: AlgebraInstruction, config?: VmConfig): string {
  const i = ins.index;
  switch (ins.extension) {
    case 'modular': {
      const m = config?.modular?.[i];
      return m === undefined ? `mod${i}` : modulusName(m, i);
    }
    case 'fp2':
      return config?.fp2?.[i]?.name ?? `fp2_${i}`;
    case 'ecc':
      return config?.ecc?.[i]?.structName ?? `curve${i}`;
    case 'pairing':
      return ['Bn254', 'Bls12_381'][i] ?? `pairing${i}`;
  }
}

/** `addmod[secp256k1_coord] a0, a1, a2`: the mnemonic with its target and the operands it really uses. */
export function algebraDisassembly(
  ins: AlgebraInstruction,
  config?: VmConfig,
): { mnemonic: string; operands: string } {
  const mnemonic = `${MNEMONIC[ins.extension][ins.op] ?? ins.op}[${targetName(ins, config)}]`;
  const [rd, rs1, rs2] = [REG_NAMES[ins.rd], REG_NAMES[ins.rs1], REG_NAMES[ins.rs2]];
  let operands: string;
  if (ins.op === 'HintNonQr' || ins.op === 'NOP') operands = '';
  else if (ins.op === 'HintSqrt') operands = rs1;
  else if (ins.op === 'HintFinalExp') operands = `${rs1}, ${rs2}`;
  else if (ins.op === 'EC_DOUBLE' || (ins.op.startsWith('SETUP_') && ins.extension !== 'ecc'))
    operands = `${rd}, ${rs1}`;
  else operands = `${rd}, ${rs1}, ${rs2}`;
  return { mnemonic, operands };
}

const EXTENSION_KEY: Record<AlgebraExtension, string> = {
  modular: '[app_vm_config.modular] supported_moduli',
  fp2: '[app_vm_config.fp2] supported_moduli',
  ecc: '[[app_vm_config.ecc.supported_curves]]',
  pairing: '[app_vm_config.pairing] supported_curves',
};

/**
 * Null when `config` can execute the instruction; otherwise the setting that is missing, e.g.
 * "[app_vm_config.modular] supported_moduli needs at least 7 entries (addmod uses index 6)".
 */
export function missingSetting(ins: AlgebraInstruction, config: VmConfig): string | null {
  if (ins.op === 'NOP') return null;
  const key = EXTENSION_KEY[ins.extension];
  const name = MNEMONIC[ins.extension][ins.op] ?? ins.op;
  if (ins.extension === 'pairing') {
    const curve = ['Bn254', 'Bls12_381'][ins.index];
    if (config.pairing === null)
      return `${key} is not configured (${name} for ${curve ?? `curve ${ins.index}`})`;
    return curve !== undefined ? null : `${name} names pairing curve ${ins.index}, which does not exist`;
  }
  const list = config[ins.extension];
  if (list === null) return `${key} is not configured (${name} uses index ${ins.index})`;
  if (ins.index >= list.length)
    return `${key} needs at least ${ins.index + 1} entries (${name} uses index ${ins.index})`;
  return null;
}
