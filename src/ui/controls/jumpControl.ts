// What the toolbar's Go to sends for a step or SEG:T address: the engine resolves it (Session.seekAddress's
// cases), so a segment the recording has not reached yet (after a Cancel, or while the fast metered pass
// knows only its cut) is recorded up to, and a segment that does not exist is an error the status names.
// Global timestamps go through the store's coalescing seek instead (scrubbing sends many).
import type { TimeAddress } from '../../engine/timeline/timeAddress';
import type { ControlOp } from '../../worker/protocol';

export function jumpControl(a: Exclude<TimeAddress, { kind: 'timestamp' }>): ControlOp {
  return a.kind === 'step'
    ? { op: 'seekStep', step: a.step }
    : { op: 'seekSegment', segment: a.segment, timestamp: a.timestamp };
}
