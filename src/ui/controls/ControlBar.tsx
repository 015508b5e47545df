// Step, Step back, Step over, Reverse step over, Step out (forward and back), Reverse continue, Run, Pause,
// Run to end, Reset — real buttons with accessible names and their
// shortcuts in the tooltip (shortcuts.ts); plus the current timestamp and a field to jump to one.
import { type ReactNode, useState } from 'react';
import { type ControlAction, keyLabel, shortcutFor } from '../shortcuts';
import { parseTimeAddress, type TimeAddress } from '../../engine/timeline/timeAddress';

export interface ControlBarProps {
  running: boolean;
  /** A freshly opened run is recording: forward actions are queued until it is recorded. */
  recording?: boolean;
  canStepBack: boolean;
  atEnd: boolean;
  timestamp: number;
  step: number;
  unit: string;
  disabled: boolean;
  onAction(action: ControlAction): void;
  onJump(t: number): void;
  /** Segmented runs: where the position is in OpenVM's segments (count > 1). */
  segment?: { index: number; timestamp: number; count: number };
  /** Go to SEG:T or step:N (T alone goes through onJump). */
  onJumpTo?(a: TimeAddress): void;
  /** Extra status shown after the position (the recording's memory). */
  extra?: ReactNode;
}

/** What a button shows when the bar is narrow (header.css); its accessible name stays the full label. */
const SHORT: Partial<Record<ControlAction, string>> = {
  stepBack: '◂ Step',
  step: 'Step ▸',
  stepOver: 'Over ▸',
  reverseStepOver: '◂ Over',
  stepOut: 'Out ▸',
  stepOutBack: '◂ Out',
  reverseContinue: '◂◂ Cont.',
  runToEnd: 'End ▸▸',
  help: '?',
};

function ControlButton({
  action,
  onAction,
  disabled,
}: {
  action: ControlAction;
  onAction(a: ControlAction): void;
  disabled?: boolean;
}) {
  const s = shortcutFor(action);
  return (
    <button
      type="button"
      className={`control control-${action}`}
      onClick={() => onAction(action)}
      disabled={disabled}
      title={`${s.label} — ${s.what} (${s.keys.map(keyLabel).join(' or ')})`}
      aria-label={s.label}
      data-short={SHORT[action]}
    >
      <span className="control-label">{s.label}</span>
    </button>
  );
}

export function ControlBar(props: ControlBarProps) {
  const { canStepBack, atEnd, disabled, onAction } = props;
  const recording = props.recording ?? false;
  // While recording, the forward actions stay enabled: they are carried out once the run is recorded.
  const running = props.running && !recording;
  const [typed, setTyped] = useState('');
  return (
    <div className="control-bar" role="toolbar" aria-label="Run controls">
      <ControlButton action="reset" onAction={onAction} disabled={disabled || running || recording} />
      <ControlButton
        action="stepBack"
        onAction={onAction}
        disabled={disabled || running || recording || !canStepBack}
      />
      <ControlButton action="step" onAction={onAction} disabled={disabled || running || atEnd} />
      <ControlButton action="stepOver" onAction={onAction} disabled={disabled || running || atEnd} />
      <ControlButton
        action="reverseStepOver"
        onAction={onAction}
        disabled={disabled || running || recording || !canStepBack}
      />
      <ControlButton action="stepOut" onAction={onAction} disabled={disabled || running || atEnd} />
      <ControlButton
        action="stepOutBack"
        onAction={onAction}
        disabled={disabled || running || recording || !canStepBack}
      />
      <ControlButton
        action="reverseContinue"
        onAction={onAction}
        disabled={disabled || running || recording || !canStepBack}
      />
      {running ? (
        <ControlButton action="pause" onAction={onAction} />
      ) : (
        <ControlButton action="run" onAction={onAction} disabled={disabled || atEnd} />
      )}
      <ControlButton action="runToEnd" onAction={onAction} disabled={disabled || running || atEnd} />
      <span className="position">
        {props.segment !== undefined && props.segment.count > 1 ? (
          <span
            className="segment-position"
            data-testid="current-segment"
            data-segment={props.segment.index}
            data-segment-timestamp={props.segment.timestamp}
            title={`OpenVM segment ${props.segment.index} of ${props.segment.count} (0-based), at its own TracingMemory timestamp ${props.segment.timestamp}; the timestamp after it is the run's, as if unsegmented`}
          >
            segment <strong>{props.segment.index}</strong> · t <strong>{props.segment.timestamp}</strong>
            <span className="muted"> · </span>
          </span>
        ) : null}
        <span className="unit-word">{props.unit} </span>
        <strong data-testid="current-timestamp" title={props.unit}>
          {props.timestamp}
        </strong>
        <span className="muted">
          {' '}
          · step <span data-testid="current-step">{props.step}</span>
        </span>
      </span>
      {props.extra}
      <form
        className="jump"
        onSubmit={(e) => {
          e.preventDefault();
          const a = parseTimeAddress(typed);
          if (a === null) return;
          if (a.kind === 'timestamp') props.onJump(a.timestamp);
          else props.onJumpTo?.(a);
          // Focus returns to the page, so the next key (s, →) steps instead of typing into the box.
          const field = e.currentTarget.elements.namedItem('goto') as HTMLInputElement | null;
          field?.blur();
        }}
      >
        <label>
          <span className="sr-only">Go to timestamp</span>
          <input
            id="goto-timestamp"
            name="goto"
            aria-label="Go to timestamp"
            inputMode="numeric"
            placeholder={
              props.segment !== undefined && props.segment.count > 1 ? 'T, SEG:T, step:N' : 'go to t…'
            }
            title="A timestamp T, SEG:T (segment SEG at its own timestamp T) or step:N"
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            size={10}
          />
        </label>
        <button type="submit" disabled={disabled}>
          Go
        </button>
      </form>
      <ControlButton action="help" onAction={onAction} />
    </div>
  );
}
