// The shape of a heap-adapter step's accesses grouped per operand (built by operandAccesses.ts, carried in
// StepView.operands by frameTypes.ts). Types only, apart from both so that neither imports the other.

/** One register read: the role it plays and the register (from the access's own AS1 pointer). */
export interface RegisterRead {
  role: 'rs1' | 'rs2' | 'rd';
  register: string;
  timestamp: number;
}

/** An operand (or the result) as its blocks: one access per block, in order. */
export interface OperandBlocks {
  /** 'operand 1', 'operand 2', 'result'. */
  label: string;
  /** The register that holds its pointer (heap) or is written (is_eq's rd). */
  role: 'rs1' | 'rs2' | 'rd';
  register: string;
  addressSpace: number;
  pointer: number;
  bytes: number;
  blockSize: number;
  write: boolean;
  timestamps: number[];
  /** Every block follows the one before it in memory. */
  contiguous: boolean;
}

export interface OperandAccesses {
  registerReads: RegisterRead[];
  operands: OperandBlocks[];
  result: OperandBlocks | null;
}
