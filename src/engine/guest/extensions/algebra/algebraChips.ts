// The algebra, ECC and pairing extensions' executors as OpenVM v1.7 runs them in preflight: the
// FieldExpressionExecutor of crates/circuits/mod-builder/src/core_chip.rs (`execute`: adapter read, run
// the field expression, adapter write) behind Rv32VecHeapAdapter for ModularAddSub/MulDiv, Fp2AddSub/
// MulDiv, EcAddNe, EcDouble; ModularIsEqualExecutor (modular_chip/is_eq.rs) behind Rv32IsEqualModAdapter;
// and the phantoms HintNonQr / HintSqrt (extension/modular.rs) and HintFinalExp (pairing_extension.rs).
// Layout by modulus size (`modulus.bits().div_ceil(8)`, extension/{modular,fp2}.rs, weierstrass.rs):
//   <= 32 bytes: field elements of 32 limbs in BLOCKS of 32 cells (modular 1 block per operand, Fp2 and
//   points 2);  <= 48 bytes: 48 limbs in blocks of 16 cells (modular 3, Fp2 and points 6).
// Setup rows (SETUP_*) go through the same adapter: the transpiler sets c = 0, so a modular / Fp2 setup
// reads register x0 as its second pointer and then AS2 from address 0; the written value is the
// expression with every flag off (x mod p = 0 for x = p). OpenVM checks the setup operands (modulus, and
// for EC_DOUBLE the coefficient a) only with debug assertions (FieldExpr::execute) and in the AIR; memscope
// stops there with the mismatch named, since such a run can never be proven.
// Phantoms read untraced and cost one timestamp (the caller's PHANTOM step).
// Invariants: every traced access goes through `mem`; no BigInt work happens before the reads (an error in
// the kernel leaves the reads done, as in OpenVM, whose panic comes after the adapter read).

import { EngineError } from '../../../errors';
import type { TracingMemory } from '../../../memory/tracingMemory';
import type { HintStreams } from '../../io/hintStreams';
import { chipLimbs, type VmConfig } from '../../config/vmConfig';
import { eqModRead, eqModWrite } from './algebraAdapters';
import { type PrecompileSite, type VecHeapShape, vecHeapRead, vecHeapWrite } from '../heapAdapter';
import {
  type AlgebraInstruction,
  algebraDisassembly,
  decodeAlgebraWord,
  missingSetting,
} from './algebraDecode';
import {
  ecAddNe,
  ecDouble,
  fp2Op,
  fromLeBytes,
  isEqualLimbs,
  KernelError,
  type ModularOp,
  modularOp,
  toLeBytes,
} from './fieldKernels';
import { nonQrHint, nonQrsFor, sqrtHint } from './modularHints';
import { finalExpHint } from './pairingHint';

const hex = (n: number) => `0x${(n >>> 0).toString(16)}`;

/** Field elements per operand and in the output, by extension. */
const ELEMENTS = { modular: 1, fp2: 2, ecc: 2 } as const;

export class AlgebraChips {
  private readonly decoded = new Map<number, AlgebraInstruction>();
  private nonQrs: bigint[] | null = null;
  private readonly bufs = [new Uint8Array(96), new Uint8Array(96)];
  private readonly out = new Uint8Array(96);

  constructor(
    readonly config: VmConfig,
    private readonly streams: HintStreams,
  ) {}

  /** The instruction a custom-1 word is (cached); throws for a word the transpiler rejects. */
  instruction(word: number, pc: number): AlgebraInstruction {
    let ins = this.decoded.get(word);
    if (ins === undefined) {
      const d = decodeAlgebraWord(word);
      if (d === undefined || 'illegal' in d)
        throw new EngineError(
          'execution',
          `illegal instruction ${hex(word)} at pc ${hex(pc)}: ${d === undefined ? 'not an algebra word' : d.illegal}`,
          { pc },
        );
      ins = d.ok;
      this.decoded.set(word, ins);
    }
    return ins;
  }

  /**
   * Executes one algebra / ECC / pairing word at pc. Returns true for a PHANTOM hint, whose single timestamp
   * step the caller adds (the hint itself touches no traced memory).
   */
  execute(word: number, mem: TracingMemory, pc: number): boolean {
    const ins = this.instruction(word >>> 0, pc);
    if (ins.op === 'NOP') return true;
    const missing = missingSetting(ins, this.config);
    const name = algebraDisassembly(ins, this.config).mnemonic;
    if (missing !== null)
      throw new EngineError('execution', `${name} at pc ${hex(pc)}: ${missing} in ${this.config.source}`, {
        pc,
      });
    const site: PrecompileSite = { name, pc };
    try {
      if (ins.phantom) this.phantom(ins, mem, site);
      else if (ins.op === 'IS_EQ' || ins.op === 'SETUP_ISEQ') this.isEqual(ins, mem, site);
      else this.fieldExpression(ins, mem, site);
      return ins.phantom;
    } catch (e) {
      // A kernel's panic (zero divisor, no square root) located at its instruction.
      if (e instanceof KernelError)
        throw new EngineError('execution', `${name} at pc ${hex(pc)}: ${e.message}`, { pc });
      throw e;
    }
  }

  private modulusOf(ins: AlgebraInstruction): bigint {
    const c = this.config;
    if (ins.extension === 'modular') return (c.modular as readonly bigint[])[ins.index];
    if (ins.extension === 'fp2') return (c.fp2 as readonly { modulus: bigint }[])[ins.index].modulus;
    return (c.ecc as readonly { modulus: bigint }[])[ins.index].modulus;
  }

  private fieldExpression(ins: AlgebraInstruction, mem: TracingMemory, site: PrecompileSite): void {
    const p = this.modulusOf(ins);
    const limbs = chipLimbs(p) as 32 | 48;
    const blockSize = limbs === 32 ? 32 : 16;
    const elements = ELEMENTS[ins.extension as keyof typeof ELEMENTS];
    const blocks = (elements * limbs) / blockSize;
    const double = ins.op === 'EC_DOUBLE' || ins.op === 'SETUP_EC_DOUBLE';
    const shape: VecHeapShape = {
      numReads: double ? 1 : 2,
      blocksPerRead: blocks,
      blocksPerWrite: blocks,
      readSize: blockSize,
      writeSize: blockSize,
    };
    const [x, y] = this.bufs;
    const { rdVal } = vecHeapRead(mem, site, shape, ins.rd * 4, ins.rs1 * 4, ins.rs2 * 4, this.bufs);
    const el = (buf: Uint8Array, i: number) => fromLeBytes(buf, i * limbs, limbs);
    let result: readonly bigint[];
    const setup = ins.op.startsWith('SETUP_');
    if (setup && el(x, 0) !== p) this.setupMismatch(site, 'modulus', el(x, 0), p);
    if (ins.extension === 'modular') result = [modularOp(ins.op as ModularOp, el(x, 0), el(y, 0), p)];
    else if (ins.extension === 'fp2')
      result = fp2Op(ins.op as ModularOp, [el(x, 0), el(x, 1)], [el(y, 0), el(y, 1)], p);
    else if (double) {
      const a = (this.config.ecc as readonly { a: bigint }[])[ins.index].a;
      if (setup && el(x, 1) !== a) this.setupMismatch(site, 'curve coefficient a', el(x, 1), a);
      result = ecDouble([el(x, 0), el(x, 1)], a, p, setup);
    } else result = ecAddNe([el(x, 0), el(x, 1)], [el(y, 0), el(y, 1)], p);
    const out = this.out;
    result.forEach((v, i) => toLeBytes(v, limbs, out, i * limbs));
    vecHeapWrite(mem, shape, rdVal, out);
  }

  private setupMismatch(
    site: PrecompileSite,
    what: string,
    got: bigint,
    want: bigint,
    debugAsserted = true,
  ): never {
    const openvm = debugAsserted
      ? "OpenVM's debug build asserts this in FieldExpr::execute; the AIR rejects the proof"
      : 'the AIR constrains it, so no proof exists';
    throw new EngineError(
      'execution',
      `${site.name} at pc ${hex(site.pc)}: the guest sets up ${what} ${got}, but ${this.config.source} configures ${want} — ` +
        `the ELF was built for another openvm.toml (${openvm})`,
      { pc: site.pc },
    );
  }

  private isEqual(ins: AlgebraInstruction, mem: TracingMemory, site: PrecompileSite): void {
    const p = this.modulusOf(ins);
    const limbs = chipLimbs(p) as 32 | 48;
    const blockSize = limbs === 32 ? 32 : 16;
    const [x, y] = this.bufs;
    eqModRead(mem, site, limbs / blockSize, blockSize, ins.rs1 * 4, ins.rs2 * 4, x, y);
    if (ins.op === 'SETUP_ISEQ' && fromLeBytes(x, 0, limbs) !== p)
      this.setupMismatch(site, 'modulus', fromLeBytes(x, 0, limbs), p, false);
    eqModWrite(mem, ins.rd * 4, isEqualLimbs(x.subarray(0, limbs), y.subarray(0, limbs)));
  }

  private phantom(ins: AlgebraInstruction, mem: TracingMemory, site: PrecompileSite): void {
    if (ins.op === 'HintFinalExp') {
      this.streams.setHint(finalExpHint(mem, ins, site));
      return;
    }
    const moduli = this.config.modular as readonly bigint[];
    const p = moduli[ins.index];
    if (this.nonQrs === null) this.nonQrs = nonQrsFor(moduli);
    const nonQr = this.nonQrs[ins.index];
    if (ins.op === 'HintNonQr') {
      this.streams.setHint(nonQrHint(p, nonQr));
      return;
    }
    // HintSqrt: read_rv32_register(a) then get_slice(MEMORY_AS, rs1, num_limbs), both untraced.
    const limbs = chipLimbs(p) as number;
    const ptr = mem.peekWord(1, ins.rs1 * 4) >>> 0;
    const bytes = new Uint8Array(limbs);
    for (let i = 0; i < limbs; i++) bytes[i] = mem.getCell(2, ptr + i);
    this.streams.setHint(sqrtHint(bytes, p, nonQr));
  }
}
