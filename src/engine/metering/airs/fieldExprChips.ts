// The algebra and ECC chips' AIR widths and interactions for any modulus, from OpenVM v1.7.0's source: each
// chip's expression built with the mod-builder port (fieldExpr.ts), behind its heap adapter.
//   modular add/sub, mul/div   extensions/algebra/circuit/src/modular_chip/addsub.rs:24-48, muldiv.rs:24-65
//   Fp2 add/sub, mul/div       fp2_chip/addsub.rs:24-49, muldiv.rs:24-88, with Fp2 (algebra/circuit/src/fp2.rs)
//   EC add_ne, double          extensions/ecc/circuit/src/weierstrass_chip/add_ne/mod.rs:34-54,
//                              double/mod.rs:34-62
//   is_eq                      modular_chip/is_eq.rs:43-66 (columns), one range check (:129-134)
// Adapters (extensions/rv32-adapters/src): Rv32VecHeapAdapterAir<R, B, B, S, S> (vec_heap.rs:50-71, eval
// :130-248) and Rv32IsEqualModAdapterAir<R, B, S, TOTAL> (eq_mod.rs:48-63, eval). Every interaction of these
// AIRs has degree-1 fields and count is_valid (or is_valid - is_setup), so they pack two per chunk.
// Cost: one expression build per chip (microseconds).

import type { AirSpec } from './airSpec';
import { ExprBuilder, FieldVariable } from './fieldExpr';
import { times, permCols } from './interactionChunks';

interface Cols {
  cols: number;
  interactions: number;
}

/** Rv32VecHeapAdapterAir<R, B, B, S, S>. */
function vecHeapAdapter(reads: number, blocks: number, size: number): Cols {
  const readAux = 3;
  return {
    cols:
      2 +
      reads +
      1 +
      4 * reads +
      4 +
      readAux * reads +
      readAux +
      readAux * reads * blocks +
      blocks * (readAux + size),
    // (R + 1) register reads, (R + 2) / 2 pointer range-check pairs (chunks_exact), R·B reads, B writes, bridge.
    interactions: 4 * (reads + 1) + Math.floor((reads + 2) / 2) + 4 * reads * blocks + 4 * blocks + 3,
  };
}

/** Rv32IsEqualModAdapterAir<2, B, S, B·S> + ModularIsEqualCoreAir<B·S, 4, 8>. */
function isEqualMod(blocks: number, size: number): Cols {
  const limbs = blocks * size;
  const adapter = 2 + 2 + 8 + 3 * 2 + 3 * 2 * blocks + 1 + (3 + 4);
  // is_valid, is_setup, b, c, cmp_result, eq_marker, lt_marker, b_lt_diff, c_lt_diff, c_lt_mark.
  const core = 2 + 4 * limbs + 1 + 3;
  return { cols: adapter + core, interactions: 8 + 1 + 4 * 2 * blocks + 4 + 3 + 1 };
}

type Kind = 'addsub' | 'muldiv';

function modularCore(p: bigint, limbs: number, kind: Kind): Cols {
  const b = new ExprBuilder(p, limbs);
  const x = b.input();
  const y = b.input();
  if (kind === 'addsub') {
    const x3 = x.clone().add(y.clone());
    const x4 = x.clone().sub(y.clone());
    const isAdd = b.newFlag();
    const isSub = b.newFlag();
    const x5 = FieldVariable.select(isSub, x4, x);
    FieldVariable.select(isAdd, x3, x5).save();
  } else {
    const zVar = b.newVar();
    const z = FieldVariable.canonical(b, zVar);
    const isMul = b.newFlag();
    b.newFlag();
    const lvar = FieldVariable.select(isMul, x, z);
    const rvar = FieldVariable.select(isMul, z, x);
    const constraint = lvar.mul(y.clone()).sub(rvar);
    b.setConstraint(0, constraint.expr);
  }
  return done(b);
}

function fp2Core(p: bigint, limbs: number, kind: Kind): Cols {
  const b = new ExprBuilder(p, limbs);
  const x = [b.input(), b.input()];
  const y = [b.input(), b.input()];
  if (kind === 'addsub') {
    const add = [x[0].add(y[0]), x[1].add(y[1])];
    const sub = [x[0].sub(y[0]), x[1].sub(y[1])];
    const isAdd = b.newFlag();
    const isSub = b.newFlag();
    const diff = [0, 1].map((i) => FieldVariable.select(isSub, sub[i], x[i]));
    for (const i of [0, 1]) FieldVariable.select(isAdd, add[i], diff[i]).save();
  } else {
    const isMul = b.newFlag();
    b.newFlag();
    const z = [FieldVariable.canonical(b, b.newVar()), FieldVariable.canonical(b, b.newVar())];
    const l = [0, 1].map((i) => FieldVariable.select(isMul, x[i], z[i]));
    const r = [0, 1].map((i) => FieldVariable.select(isMul, z[i], x[i]));
    // Fp2::mul (fp2.rs): c0 = l0·y0 - l1·y1, c1 = l0·y1 + l1·y0, then Fp2::sub(r).
    const c0 = l[0].mul(y[0]).sub(l[1].mul(y[1]));
    const c1 = l[0].mul(y[1]).add(l[1].mul(y[0]));
    b.setConstraint(0, c0.sub(r[0]).expr);
    b.setConstraint(1, c1.sub(r[1]).expr);
  }
  return done(b);
}

function ecAddNeCore(p: bigint, limbs: number): Cols {
  const b = new ExprBuilder(p, limbs);
  const [x1, y1, x2, y2] = [b.input(), b.input(), b.input(), b.input()];
  const lambda = y2.clone().sub(y1.clone()).div(x2.clone().sub(x1.clone()));
  const x3 = lambda.square().sub(x1.clone()).sub(x2);
  x3.save();
  lambda.mul(x1.sub(x3.clone())).sub(y1).save();
  return done(b);
}

function ecDoubleCore(p: bigint, limbs: number, a: bigint): Cols {
  const b = new ExprBuilder(p, limbs);
  const x1 = b.input();
  const y1 = b.input();
  const ca = b.constant(a);
  const isDouble = b.newFlag();
  const denom = FieldVariable.select(isDouble, y1.intMul(2), b.constant(1n));
  const lambda = x1.square().intMul(3).add(ca).div(denom);
  const x3 = lambda.square().sub(x1.intMul(2));
  x3.save();
  lambda.mul(x1.sub(x3.clone())).sub(y1).save();
  return done(b);
}

function done(b: ExprBuilder): Cols {
  const { width, interactions } = b.finalize();
  return { cols: width, interactions };
}

function air(key: string, name: string, adapter: Cols, core: Cols): AirSpec {
  const interactions = adapter.interactions + core.interactions;
  return {
    key,
    name,
    kind: 'chip',
    mainCols: adapter.cols + core.cols,
    permCols: permCols(times(interactions, 1, 1)),
    prepCols: 0,
    interactions,
  };
}

/** BLOCKS and BLOCK_SIZE of a field element of `limbs` bytes: 1 × 32 or 3 × 16 (modular.rs:107-170). */
const shape = (limbs: number) => (limbs === 32 ? { blocks: 1, size: 32 } : { blocks: 3, size: 16 });
const heapName = (r: number, blocks: number, size: number) =>
  `VmAirWrapper<Rv32VecHeapAdapterAir<${r}, ${blocks}, ${blocks}, ${size}, ${size}>, FieldExpressionCoreAir>`;

/** One modulus: add/sub, mul/div, is_eq, in insertion order (extension/modular.rs:259-342). */
export function modularChipAirs(i: number, p: bigint, limbs: 32 | 48): AirSpec[] {
  const { blocks, size } = shape(limbs);
  const adapter = vecHeapAdapter(2, blocks, size);
  return [
    air(`modular${i}_addsub`, heapName(2, blocks, size), adapter, modularCore(p, limbs, 'addsub')),
    air(`modular${i}_muldiv`, heapName(2, blocks, size), adapter, modularCore(p, limbs, 'muldiv')),
    air(
      `modular${i}_iseq`,
      `VmAirWrapper<Rv32IsEqualModAdapterAir<2, ${blocks}, ${size}, ${limbs}>, ModularIsEqualCoreAir<${limbs}, 4, 8>`,
      isEqualMod(blocks, size),
      { cols: 0, interactions: 0 },
    ),
  ];
}

/** One Fp2 field: add/sub, mul/div (extension/fp2.rs:203-263); an element is two field elements. */
export function fp2ChipAirs(i: number, p: bigint, limbs: 32 | 48): AirSpec[] {
  const { blocks, size } = shape(limbs);
  const adapter = vecHeapAdapter(2, 2 * blocks, size);
  return [
    air(`fp2${i}_addsub`, heapName(2, 2 * blocks, size), adapter, fp2Core(p, limbs, 'addsub')),
    air(`fp2${i}_muldiv`, heapName(2, 2 * blocks, size), adapter, fp2Core(p, limbs, 'muldiv')),
  ];
}

/** One curve: add_ne, double (weierstrass.rs:228-290); a point is two coordinates. */
export function eccChipAirs(i: number, p: bigint, limbs: 32 | 48, a: bigint): AirSpec[] {
  const { blocks, size } = shape(limbs);
  return [
    air(
      `ecc${i}_addne`,
      heapName(2, 2 * blocks, size),
      vecHeapAdapter(2, 2 * blocks, size),
      ecAddNeCore(p, limbs),
    ),
    air(
      `ecc${i}_double`,
      heapName(1, 2 * blocks, size),
      vecHeapAdapter(1, 2 * blocks, size),
      ecDoubleCore(p, limbs, a),
    ),
  ];
}
