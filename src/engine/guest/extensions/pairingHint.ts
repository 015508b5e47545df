// The pairing extension's HintFinalExp phantom (extensions/pairing/circuit/src/pairing_extension.rs,
// `hint_pairing`): rs1 and rs2 point at two (pointer, length) pairs in AS2 giving the G1 points P (x, y in
// Fp) and the G2 points Q (x, y in Fp2) of a multi-pairing; the hint stream becomes the bytes of
// final_exp_hint(multi_miller_loop(P, Q)) = (c, u), 2 x 12 Fp elements. All reads are untraced.
// Curve: c_upper = the PairingCurve discriminant (0 Bn254, 1 Bls12_381), whatever the config lists.
// The value needs OpenVM's own Miller loop (halo2curves_shims, lines in its D/M-type form) bit for bit,
// because the guest checks the hint against the f it computed itself; memscope does not implement that
// port yet and reports the phantom as unsupported (after validating the operands as OpenVM does).

import { EngineError } from '../../errors';
import type { TracingMemory } from '../../memory/tracingMemory';
import type { PrecompileSite } from './algebraAdapters';
import type { AlgebraInstruction } from './algebraDecode';

const CURVES = ['Bn254', 'Bls12_381'] as const;

/** The hint stream of HintFinalExp, or an error naming what OpenVM would reject. */
export function finalExpHint(mem: TracingMemory, ins: AlgebraInstruction, site: PrecompileSite): Uint32Array {
  const rs1 = mem.peekWord(1, ins.rs1 * 4) >>> 0;
  const rs2 = mem.peekWord(1, ins.rs2 * 4) >>> 0;
  const pLen = mem.peekWord(2, rs1 + 4) >>> 0;
  const qLen = mem.peekWord(2, rs2 + 4) >>> 0;
  const curve = CURVES[ins.index];
  if (curve === undefined)
    throw new EngineError(
      'execution',
      `${site.name} at pc 0x${site.pc.toString(16)}: no PairingCurve ${ins.index}`,
      { pc: site.pc },
    );
  if (pLen !== qLen)
    throw new EngineError(
      'execution',
      `hint_pairing: p_len=${pLen} != q_len=${qLen} (pc 0x${site.pc.toString(16)})`,
      { pc: site.pc },
    );
  throw new EngineError(
    'execution',
    `${site.name} at pc 0x${site.pc.toString(16)}: the ${curve} final-exponentiation hint (${pLen} pairs) is not implemented in memscope`,
    { pc: site.pc },
  );
}
