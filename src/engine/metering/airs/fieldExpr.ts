// The column and interaction count of a FieldExpressionCoreAir, as OpenVM v1.7.0's mod-builder sizes it
// (crates/circuits/mod-builder/src): an expression of inputs, flags and variables, each variable with one
// constraint `expr = q · p` whose quotient and carry limbs are estimated from the expression's bounds.
//   symbolic_expr.rs:198-251   max_abs: the largest positive and negative value (inputs, vars in [0, 2^(8·limbs)))
//   symbolic_expr.rs:252-287   constraint_limb_max_abs, :289-306 constraint_carry_bits_with_pq (div auto-save)
//   symbolic_expr.rs:308-360   expr_limbs, constraint_limbs: q limbs = bits(ceil(max_abs / p)) / 8,
//                              carry limbs = max(expr limbs, q limbs + p limbs - 1)
//   field_variable.rs          each operation tracks limb_max_abs and auto-saves an operand into a new variable
//                              when the constraint's carries would exceed max_carry_bits (save_if_overflow
//                              :90-120; div :266-322)
//   builder.rs:97-114, 321-328 max_carry_bits = min(31 - limb_bits - 2, range_checker_bits = 17); the width
//                              limbs · (inputs + vars) + Σ q + Σ carries + flags + is_valid; finalize adds a
//                              flag when a setup chip has none (:144-153)
//   builder.rs:348-445         interactions: one range check per variable limb, per q limb and per carry
//                              (check_carry_mod_to_zero.rs:79-88, check_carry_to_zero.rs:87-96), all degree 1
//                              with count is_valid.
// Operands are mutable objects as in Rust: an operation may save (turn into a variable) the very operand it is
// given; `clone()` copies, as the chips' `.clone()` calls do (their saves still add a variable to the builder).
// Cost: linear in the expression size per operation; used once per chip at inventory build time.

export type SymbolicExpr =
  | { k: 'input' | 'var'; i: number }
  | { k: 'const'; val: bigint; limbs: number }
  | { k: 'add' | 'sub' | 'mul' | 'div'; l: SymbolicExpr; r: SymbolicExpr }
  | { k: 'intadd' | 'intmul'; l: SymbolicExpr; s: number }
  | { k: 'select'; flag: number; l: SymbolicExpr; r: SymbolicExpr };

const bin = (k: 'add' | 'sub' | 'mul' | 'div', l: SymbolicExpr, r: SymbolicExpr): SymbolicExpr => ({
  k,
  l,
  r,
});
const maxB = (a: bigint, b: bigint) => (a > b ? a : b);
const bits = (v: bigint) => (v === 0n ? 0 : v.toString(2).length);
/** p3_util::log2_ceil_usize. */
const log2Ceil = (n: number) => (n <= 1 ? 0 : (n - 1).toString(2).length);
/** get_carry_max_abs_and_bits(...).1 (primitives/src/bigint/check_carry_to_zero.rs:26-31). */
const carryAbsBits = (maxOverflowBits: number, limbBits: number) => maxOverflowBits - limbBits + 1;

function maxAbs(e: SymbolicExpr, properMax: bigint): [bigint, bigint] {
  switch (e.k) {
    case 'input':
    case 'var':
      return [properMax, 0n];
    case 'const':
      return [e.val, 0n];
    case 'add': {
      const [lp, ln] = maxAbs(e.l, properMax);
      const [rp, rn] = maxAbs(e.r, properMax);
      return [lp + rp, ln + rn];
    }
    case 'sub': {
      const [lp, ln] = maxAbs(e.l, properMax);
      const [rp, rn] = maxAbs(e.r, properMax);
      return [lp + rn, ln + rp];
    }
    case 'mul': {
      const [lp, ln] = maxAbs(e.l, properMax);
      const [rp, rn] = maxAbs(e.r, properMax);
      return [maxB(lp * rp, ln * rn), maxB(lp * rn, ln * rp)];
    }
    case 'intadd': {
      const [lp, ln] = maxAbs(e.l, properMax);
      const s = BigInt(Math.abs(e.s));
      return [lp + s, ln + s];
    }
    case 'intmul': {
      const [lp, ln] = maxAbs(e.l, properMax);
      const s = BigInt(Math.abs(e.s));
      return e.s < 0 ? [ln * s, lp * s] : [lp * s, ln * s];
    }
    case 'select': {
      const [lp, ln] = maxAbs(e.l, properMax);
      const [rp, rn] = maxAbs(e.r, properMax);
      return [maxB(lp, rp), maxB(ln, rn)];
    }
    case 'div':
      throw new Error('max_abs of a division');
  }
}

function exprLimbs(e: SymbolicExpr, n: number): number {
  switch (e.k) {
    case 'input':
    case 'var':
      return n;
    case 'const':
      return e.limbs;
    case 'add':
    case 'sub':
      return Math.max(exprLimbs(e.l, n), exprLimbs(e.r, n));
    case 'mul':
      return exprLimbs(e.l, n) + exprLimbs(e.r, n) - 1;
    case 'intadd':
    case 'intmul':
      return exprLimbs(e.l, n);
    case 'select':
      return exprLimbs(e.l, n);
    case 'div':
      throw new Error('expr_limbs of a division');
  }
}

function limbMaxAbs(e: SymbolicExpr, limbBits: number, n: number): number {
  const canonical = 2 ** limbBits - 1;
  switch (e.k) {
    case 'input':
    case 'var':
    case 'const':
      return canonical;
    case 'add':
    case 'sub':
      return limbMaxAbs(e.l, limbBits, n) + limbMaxAbs(e.r, limbBits, n);
    case 'mul':
      return (
        limbMaxAbs(e.l, limbBits, n) *
        limbMaxAbs(e.r, limbBits, n) *
        Math.min(exprLimbs(e.l, n), exprLimbs(e.r, n))
      );
    case 'intadd':
      return limbMaxAbs(e.l, limbBits, n) + Math.abs(e.s);
    case 'intmul':
      return limbMaxAbs(e.l, limbBits, n) * Math.abs(e.s);
    case 'select':
      return Math.max(limbMaxAbs(e.l, limbBits, n), limbMaxAbs(e.r, limbBits, n));
    case 'div':
      throw new Error('limb_max_abs of a division');
  }
}

export class ExprBuilder {
  readonly properMax: bigint;
  readonly maxCarryBits: number;
  numInputs = 0;
  numFlags = 0;
  numVars = 0;
  readonly qLimbs: number[] = [];
  readonly carryLimbs: number[] = [];
  constructor(
    readonly prime: bigint,
    readonly numLimbs: number,
    readonly limbBits = 8,
    rangeCheckerBits = 17,
  ) {
    this.properMax = (1n << BigInt(numLimbs * limbBits)) - 1n;
    this.maxCarryBits = Math.min(31 - limbBits - 2, rangeCheckerBits);
  }

  /** (q limbs, carry limbs) of the constraint `e = q · p` (constraint_limbs). */
  constraintLimbs(e: SymbolicExpr): [number, number] {
    const [pos, neg] = maxAbs(e, this.properMax);
    const m = maxB(pos, neg);
    const qLimbs = Math.ceil(bits((m + this.prime - 1n) / this.prime) / this.limbBits);
    const pLimbs = Math.ceil(bits(this.prime) / this.limbBits);
    return [qLimbs, Math.max(exprLimbs(e, this.numLimbs), qLimbs + pLimbs - 1)];
  }

  /** constraint_carry_bits_with_pq. */
  carryBitsWithPq(e: SymbolicExpr): number {
    const canonical = 2 ** this.limbBits - 1;
    const [q] = this.constraintLimbs(e);
    const limbMax =
      limbMaxAbs(e, this.limbBits, this.numLimbs) + canonical * canonical * Math.min(q, this.numLimbs);
    return carryAbsBits(log2Ceil(limbMax), this.limbBits);
  }

  newVar(): SymbolicExpr {
    this.qLimbs.push(0);
    this.carryLimbs.push(0);
    return { k: 'var', i: this.numVars++ };
  }

  setConstraint(varIndex: number, e: SymbolicExpr): void {
    [this.qLimbs[varIndex], this.carryLimbs[varIndex]] = this.constraintLimbs(e);
  }

  newFlag(): number {
    return this.numFlags++;
  }

  input(): FieldVariable {
    return FieldVariable.canonical(this, { k: 'input', i: this.numInputs++ });
  }

  constant(val: bigint): FieldVariable {
    return FieldVariable.canonical(this, { k: 'const', val, limbs: this.numLimbs });
  }

  /** FieldExpr::new(.., needs_setup = true): finalize (a default flag for a flagless setup chip). */
  finalize(): { width: number; interactions: number } {
    if (this.numFlags === 0) this.newFlag();
    const q = this.qLimbs.reduce((a, b) => a + b, 0);
    const c = this.carryLimbs.reduce((a, b) => a + b, 0);
    return {
      width: this.numLimbs * (this.numInputs + this.numVars) + q + c + this.numFlags + 1,
      interactions: this.numLimbs * this.numVars + q + c,
    };
  }
}

export class FieldVariable {
  private constructor(
    readonly b: ExprBuilder,
    public expr: SymbolicExpr,
    public limbMaxAbs: number,
    public exprLimbs: number,
  ) {}

  static canonical(b: ExprBuilder, expr: SymbolicExpr): FieldVariable {
    return new FieldVariable(b, expr, 2 ** b.limbBits - 1, b.numLimbs);
  }

  clone(): FieldVariable {
    return new FieldVariable(this.b, this.expr, this.limbMaxAbs, this.exprLimbs);
  }

  /** FieldVariable::save: a variable constrained to equal this expression. */
  save(): number {
    if (this.expr.k === 'var') return this.expr.i;
    const v = this.b.newVar();
    this.b.setConstraint(this.b.numVars - 1, bin('sub', this.expr, v));
    this.expr = v;
    this.limbMaxAbs = 2 ** this.b.limbBits - 1;
    this.exprLimbs = this.b.numLimbs;
    return this.b.numVars - 1;
  }

  /** save_if_overflow (field_variable.rs:90-120). */
  private static saveIfOverflow(a: FieldVariable, expr: SymbolicExpr, limbMax: number): void {
    if (a.expr.k === 'var') return;
    const b = a.b;
    const [q] = b.constraintLimbs(bin('sub', expr, { k: 'var', i: b.numVars }));
    const canonical = 2 ** b.limbBits - 1;
    const total = limbMax + canonical + canonical * canonical * Math.min(q, b.numLimbs);
    if (carryAbsBits(log2Ceil(total), b.limbBits) > b.maxCarryBits) a.save();
  }

  private static binary(
    a: FieldVariable,
    o: FieldVariable,
    k: 'add' | 'sub' | 'mul',
    limbMax: (x: FieldVariable, y: FieldVariable) => number,
    limbs: (x: FieldVariable, y: FieldVariable) => number,
  ): FieldVariable {
    FieldVariable.saveIfOverflow(a, bin(k, a.expr, o.expr), limbMax(a, o));
    FieldVariable.saveIfOverflow(o, bin(k, a.expr, o.expr), limbMax(a, o));
    return new FieldVariable(a.b, bin(k, a.expr, o.expr), limbMax(a, o), limbs(a, o));
  }

  add(o: FieldVariable): FieldVariable {
    return FieldVariable.binary(
      this,
      o,
      'add',
      (x, y) => x.limbMaxAbs + y.limbMaxAbs,
      (x, y) => Math.max(x.exprLimbs, y.exprLimbs),
    );
  }

  sub(o: FieldVariable): FieldVariable {
    return FieldVariable.binary(
      this,
      o,
      'sub',
      (x, y) => x.limbMaxAbs + y.limbMaxAbs,
      (x, y) => Math.max(x.exprLimbs, y.exprLimbs),
    );
  }

  mul(o: FieldVariable): FieldVariable {
    return FieldVariable.binary(
      this,
      o,
      'mul',
      (x, y) => x.limbMaxAbs * y.limbMaxAbs * Math.min(x.exprLimbs, y.exprLimbs),
      (x, y) => x.exprLimbs + y.exprLimbs - 1,
    );
  }

  square(): FieldVariable {
    FieldVariable.saveIfOverflow(
      this,
      bin('mul', this.expr, this.expr),
      this.limbMaxAbs * this.limbMaxAbs * this.exprLimbs,
    );
    return new FieldVariable(
      this.b,
      bin('mul', this.expr, this.expr),
      this.limbMaxAbs * this.limbMaxAbs * this.exprLimbs,
      this.exprLimbs * 2 - 1,
    );
  }

  intMul(s: number): FieldVariable {
    const e: SymbolicExpr = { k: 'intmul', l: this.expr, s };
    FieldVariable.saveIfOverflow(this, e, this.limbMaxAbs * Math.abs(s));
    return new FieldVariable(
      this.b,
      { k: 'intmul', l: this.expr, s },
      this.limbMaxAbs * Math.abs(s),
      this.exprLimbs,
    );
  }

  /** FieldVariable::div (field_variable.rs:266-322): a new variable z with the constraint other · z - self. */
  div(o: FieldVariable): FieldVariable {
    const b = this.b;
    const fake: SymbolicExpr = { k: 'var', i: 0 };
    if (b.carryBitsWithPq(bin('sub', bin('mul', o.expr, fake), this.expr)) > b.maxCarryBits) this.save();
    if (b.carryBitsWithPq(bin('sub', bin('mul', o.expr, fake), this.expr)) > b.maxCarryBits) o.save();
    const z = b.newVar();
    b.setConstraint(b.numVars - 1, bin('sub', bin('mul', o.expr, z), this.expr));
    return FieldVariable.canonical(b, z);
  }

  static select(flag: number, a: FieldVariable, c: FieldVariable): FieldVariable {
    return new FieldVariable(
      a.b,
      { k: 'select', flag, l: a.expr, r: c.expr },
      Math.max(a.limbMaxAbs, c.limbMaxAbs),
      Math.max(a.exprLimbs, c.exprLimbs),
    );
  }
}
