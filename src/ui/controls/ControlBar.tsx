// Step, Step back, Step over, Run, Pause, Run to end, Reset — real buttons with accessible names and their
// shortcuts in the tooltip (shortcuts.ts); plus the current timestamp and a field to jump to one.
import { type ReactNode, useState } from 'react';
import { type ControlAction, keyLabel, shortcutFor } from '../shortcuts';

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
  /** Extra status shown after the position (the recording's memory). */
  extra?: ReactNode;
}

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
    >
      {s.label}
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
      {running ? (
        <ControlButton action="pause" onAction={onAction} />
      ) : (
        <ControlButton action="run" onAction={onAction} disabled={disabled || atEnd} />
      )}
      <ControlButton action="runToEnd" onAction={onAction} disabled={disabled || running || atEnd} />
      <span className="position">
        {props.unit} <strong data-testid="current-timestamp">{props.timestamp}</strong>
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
          const t = Number(typed.trim());
          if (typed.trim() !== '' && Number.isInteger(t) && t >= 0) props.onJump(t);
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
            placeholder="go to t…"
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
