// Under the algebra / ECC / Int256 instruction just run (Program panel): what it did, and its accesses per operand
// as its heap adapter made them — the register reads (the operands' pointers), each operand's N blocks,
// the result's blocks (or is_eq's register) — from the step's real accesses (engine views/operandAccesses.ts).
import { operandText, registerReadsText } from '../../engine/views/operandAccesses';
import type { StepOperands } from '../../engine/views/frameTypes';

export function StepOperandsView({ operands }: { operands: StepOperands }) {
  const { groups } = operands;
  return (
    <div
      className="step-operands"
      role="group"
      aria-label="Accesses of the step just run, per operand"
      data-testid="step-operands"
    >
      <div className="step-operands-head">
        just run: <strong>{operands.description}</strong>
      </div>
      <ul>
        <li data-testid="operand-registers">{registerReadsText(groups.registerReads)}</li>
        {groups.operands.map((o) => (
          <li key={o.label} data-testid="operand" data-bytes={o.bytes} data-blocks={o.timestamps.length}>
            {operandText(o)}
          </li>
        ))}
        {groups.result && (
          <li data-testid="operand-result" data-bytes={groups.result.bytes}>
            {operandText(groups.result)}
          </li>
        )}
      </ul>
    </div>
  );
}
