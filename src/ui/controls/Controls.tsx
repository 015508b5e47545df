// The control bar wired to the store: the live position (not the deferred one the panels render), the
// run status, the recording's memory and the progress of a long run.
import { useDebugger } from '../debugger/useDebugger';
import { ControlBar } from './ControlBar';
import { jumpControl } from './jumpControl';
import { RecordingStats } from './RecordingStats';
import { RunProgress } from './RunProgress';

export function Controls() {
  const position = useDebugger((s) => s.frame?.position);
  const memory = useDebugger((s) => s.frame?.info.memory);
  const isAlloc = useDebugger((s) => s.frame?.kind === 'alloc');
  const running = useDebugger((s) => s.status === 'running');
  const recording = useDebugger((s) => s.recording);
  const action = useDebugger((s) => s.action);
  const seek = useDebugger((s) => s.seek);
  const control = useDebugger((s) => s.control);
  const segments = useDebugger((s) => s.frame?.info.segmentation?.segments);
  return (
    <>
      <ControlBar
        running={running}
        recording={recording}
        canStepBack={(position?.step ?? 0) > 0}
        atEnd={position !== undefined && position.status !== 'paused'}
        timestamp={position?.timestamp ?? 0}
        step={position?.step ?? 0}
        unit={isAlloc ? 'operation' : 'timestamp'}
        disabled={position === undefined}
        onAction={(a) => void action(a)}
        onJump={seek}
        segment={
          position !== undefined && segments !== undefined
            ? { index: position.segment, timestamp: position.segmentTimestamp, count: segments.length }
            : undefined
        }
        onJumpTo={(a) => {
          if (a.kind !== 'timestamp') void control(jumpControl(a));
        }}
        extra={memory ? <RecordingStats stats={memory} /> : null}
      />
      <RunProgress />
    </>
  );
}
