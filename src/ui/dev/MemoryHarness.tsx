// TEMPORARY dev harness (issue 6, Address spaces panel): `?harness=memory[&example=FILE][&steps=N][&w=PX]`
// opens a real Session in the page (a .mtrace script or a guest .elf from public/examples), steps it N
// times and builds frames with the engine's FrameBuilder from the lead's lane requests (defaultView.ts),
// following the store's rules for focus and pinning, so the panel can be checked in screenshots (light
// and dark) before the app wires it. `w` fixes the panel width. Remove with the `?harness=` branch.
import { useEffect, useMemo, useState } from 'react';
import { Session } from '../../engine/session';
import type { SessionKind } from '../../engine/timeline/sessionTypes';
import { FrameBuilder } from '../../engine/views/frameBuilder';
import type { Frame } from '../../engine/views/frameTypes';
import { focusOf, laneRequest, lanesFor } from '../debugger/defaultView';
import { loadExampleBytes } from '../examples';
import { AddressSpacesPanel } from '../panels/AddressSpacesPanel';

const params = new URLSearchParams(window.location.search);
const EXAMPLE = params.get('example') ?? 'split.mtrace';
const STEPS = Number(params.get('steps') ?? '2');
const WIDTH = params.get('w');

interface Run {
  session: Session;
  builder: FrameBuilder;
  kind: SessionKind;
}

interface ViewState {
  focus: Record<number, number>;
  pinned: number[];
  selection?: { addressSpace: number; pointer: number };
  /** Bumped after every move of the session (the frame is rebuilt). */
  moves: number;
}

export default function MemoryHarness() {
  const [run, setRun] = useState<Run | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [state, setState] = useState<ViewState>({ focus: {}, pinned: [], moves: 0 });

  useEffect(() => {
    loadExampleBytes(EXAMPLE)
      .then((bytes) => {
        const kind: SessionKind = EXAMPLE.endsWith('.elf') ? 'guest' : 'mtrace';
        const session = Session.open(kind, bytes);
        session.step(STEPS);
        setRun({
          session,
          kind,
          builder: new FrameBuilder(
            session,
            EXAMPLE,
            kind === 'mtrace' ? new TextDecoder().decode(bytes) : null,
          ),
        });
      })
      .catch((e: unknown) => setFailure(String(e)));
  }, []);

  // The frame the worker would answer for this view (the builder is deterministic for a position).
  const frame: Frame | null = useMemo(() => {
    if (run === null) return null;
    void state.moves;
    const lanes = lanesFor(run.kind).map((as) =>
      laneRequest(as, state.focus[as] ?? 0, !state.pinned.includes(as)),
    );
    return run.builder.build({ lanes, selection: state.selection, disasmContext: 4 });
  }, [run, state]);

  const move = (fn: (s: Session) => void) => {
    if (run === null) return;
    fn(run.session);
    setState((s) => ({ ...s, moves: s.moves + 1 }));
  };
  const focusLane = (as: number, pointer: number | null) =>
    setState((s) => {
      const pinned = s.pinned.filter((a) => a !== as);
      // The store keeps the window the worker last answered (focusOf) as each lane's focus.
      const focus = frame ? focusOf(frame, s.focus) : s.focus;
      return pointer === null
        ? { ...s, focus, pinned }
        : { ...s, focus: { ...focus, [as]: pointer }, pinned: [...pinned, as] };
    });

  if (failure !== null) return <p role="alert">{failure}</p>;
  if (run === null || frame === null) return <p>loading {EXAMPLE}…</p>;
  const symbols = frame.program?.kind === 'guest' ? frame.program.symbols : undefined;
  return (
    <div
      style={{
        display: 'grid',
        gridTemplateColumns: WIDTH ? `${WIDTH}px minmax(0, 1fr)` : 'minmax(0, 2fr) minmax(0, 1fr)',
        gap: 8,
        height: '100vh',
        padding: 8,
        alignItems: 'start',
      }}
    >
      <AddressSpacesPanel
        lanes={frame.lanes}
        accesses={frame.step?.accesses ?? []}
        selection={state.selection}
        pinned={state.pinned}
        symbols={symbols}
        onSelect={(addressSpace, pointer) =>
          setState((s) => ({ ...s, selection: { addressSpace, pointer } }))
        }
        onFocus={focusLane}
      />
      <aside className="panel" aria-label="Harness" style={{ fontSize: 12 }}>
        <h2>Harness</h2>
        <p>
          {EXAMPLE}: step {frame.position.step}, t {frame.position.timestamp} ({frame.position.status})
        </p>
        <p>
          <button type="button" onClick={() => move((s) => s.stepBack())}>
            Step back
          </button>{' '}
          <button type="button" onClick={() => move((s) => s.step())}>
            Step
          </button>
        </p>
        <p data-testid="harness-accesses">
          accesses:{' '}
          {(frame.step?.accesses ?? [])
            .map((a) => `${a.write ? 'W' : 'R'} AS${a.addressSpace}[${a.pointer}..+${a.size}]`)
            .join(', ') || 'none'}
        </p>
        <p data-testid="harness-selected">
          selected:{' '}
          {state.selection ? `AS${state.selection.addressSpace} ${state.selection.pointer}` : 'none'}; pinned:{' '}
          {state.pinned.join(', ') || 'none'}
        </p>
        {frame.block && <p>{frame.block.why}</p>}
      </aside>
    </div>
  );
}
