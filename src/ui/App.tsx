// The debugger: toolbar and controls; Program and Registers; Address spaces and Adapter records; Block
// inspector and Allocator; the Timeline scrubber along the bottom. Every panel renders the latest frame the
// engine worker sent; the store asks for frames, the panels never touch engine state.
import { memo, useCallback, useDeferredValue, useEffect, useMemo, useState } from 'react';
import { ControlBar } from './controls/ControlBar';
import { HelpOverlay } from './controls/HelpOverlay';
import { RecordingStats } from './controls/RecordingStats';
import { Toolbar } from './debugger/Toolbar';
import { useDebugger } from './debugger/store';
import { DropZone } from './layout/DropZone';
import { Splitter } from './layout/Splitter';
import { AdapterRecordsPanel } from './panels/AdapterRecordsPanel';
import { AddressSpacesPanel } from './panels/AddressSpacesPanel';
import { AllocatorPanel } from './panels/AllocatorPanel';
import { BlockInspector } from './panels/BlockInspector';
import { ObservedHeapPanel } from './panels/ObservedHeapPanel';
import { ProgramPanel } from './panels/ProgramPanel';
import { RegistersPanel } from './panels/RegistersPanel';
import { Timeline } from './panels/Timeline';
import { actionForKey } from './shortcuts';
import { CostPanel } from './lessons/CostPanel';
import { LessonsGallery } from './lessons/LessonsGallery';
import { NarrationPanel } from './lessons/NarrationPanel';

// Progress messages replace only the frame's position: memoized panels with stable props skip those
// renders, which keeps every frame short while a long run records in the worker.
const Program = memo(ProgramPanel);
const Registers = memo(RegistersPanel);
const AddressSpaces = memo(AddressSpacesPanel);
const AdapterRecords = memo(AdapterRecordsPanel);
const Inspector = memo(BlockInspector);
const Allocator = memo(AllocatorPanel);
const ObservedHeap = memo(ObservedHeapPanel);
const NO_ACCESSES: never[] = [];

function ErrorBanner() {
  const failure = useDebugger((s) => s.failure);
  if (!failure) return null;
  const where = [
    failure.location.line !== undefined ? `line ${failure.location.line}` : '',
    failure.location.pc !== undefined ? `pc 0x${failure.location.pc.toString(16)}` : '',
    failure.location.timestamp !== undefined ? `timestamp ${failure.location.timestamp}` : '',
  ].filter(Boolean);
  return (
    <div className="error-banner" role="alert" data-testid="error" data-kind={failure.kind}>
      <strong>
        {failure.kind === 'script'
          ? 'Invalid script'
          : failure.kind === 'elf'
            ? 'Not a usable ELF'
            : failure.kind === 'execution'
              ? 'The program stopped'
              : 'Error'}
      </strong>
      {where.length > 0 && <> at {where.join(', ')}</>}: {failure.message}
    </div>
  );
}

export function App() {
  const s = useDebugger();
  const { frame: liveFrame, status, init, action, seek, densities } = s;
  // The control bar shows the newest position at once; the panels render it in an interruptible
  // background render (React's deferred value), so a big frame never blocks the main thread for long.
  // `settled` says when every panel shows the newest frame (tests and the status line rely on it).
  const frame = useDeferredValue(liveFrame);
  const settled = frame === liveFrame;
  const [leftWidth, setLeftWidth] = useState(380);
  const [rightWidth, setRightWidth] = useState(340);

  useEffect(() => {
    void init();
  }, [init]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const a = actionForKey(e);
      if (a === undefined) return;
      e.preventDefault();
      void useDebugger.getState().action(a);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const end = frame ? Math.max(frame.info.head.timestamp, frame.position.timestamp) : 0;
  const isAlloc = frame?.kind === 'alloc';
  const tracks = useMemo(() => {
    if (!densities) return [];
    const names = isAlloc
      ? (['allocations', 'frees', 'errors'] as const)
      : (['accesses', 'splits', 'merges', 'allocations', 'frees', 'errors'] as const);
    return names
      .filter(
        (n) =>
          isAlloc || n === 'accesses' || n === 'splits' || n === 'merges' || densities[n].some((x) => x > 0),
      )
      .map((n) => ({ name: n, label: n, counts: densities[n] }));
  }, [densities, isAlloc]);
  const markers = useMemo(() => {
    if (!frame) return [];
    const m: { t: number; kind: 'error' | 'end'; label: string }[] = [];
    if (frame.info.end)
      m.push({
        t: frame.info.end.timestamp,
        kind: frame.info.error ? 'error' : 'end',
        label: frame.info.error ? `error: ${frame.info.error.message}` : 'end of run',
      });
    return m;
  }, [frame]);

  const block = frame?.block ?? null;
  const control = s.control;
  const onWho = useCallback(
    (which: 'previous' | 'next') => {
      if (block)
        void control({
          op: 'runToAccess',
          addressSpace: block.addressSpace,
          addr: block.blockStart,
          len: block.blockSize,
          which,
        });
    },
    [block, control],
  );
  const hidden = (name: string) => s.hidden.includes(name);
  const program = frame?.program;
  return (
    <DropZone onFile={(name, bytes) => void s.openFile(name, bytes)}>
      <div className="app" data-settled={settled}>
        <Toolbar />
        <ControlBar
          running={status === 'running'}
          canStepBack={(liveFrame?.position.step ?? 0) > 0}
          atEnd={liveFrame !== undefined && liveFrame.position.status !== 'paused'}
          timestamp={liveFrame?.position.timestamp ?? 0}
          step={liveFrame?.position.step ?? 0}
          unit={isAlloc ? 'operation' : 'timestamp'}
          disabled={!liveFrame}
          onAction={(a) => void action(a)}
          onJump={(t) => seek(t)}
          extra={liveFrame ? <RecordingStats stats={liveFrame.info.memory} /> : null}
        />
        <ErrorBanner />
        {s.notice && (
          <div className="notice" role="status" data-testid="notice">
            {s.notice}
          </div>
        )}
        {s.help && <HelpOverlay onClose={() => s.setHelp(false)} />}
        {s.showLessons && (
          <div className="lessons-drawer">
            <LessonsGallery
              lessons={s.lessons}
              current={s.lessonEntry?.id ?? null}
              completed={s.completed}
              onOpen={(entry) => void s.openLesson(entry)}
            />
            <button type="button" onClick={() => s.setShowLessons(false)}>
              Close lessons
            </button>
          </div>
        )}
        {frame && (
          <main
            className="debugger"
            style={{
              gridTemplateColumns: isAlloc
                ? `${leftWidth}px 6px minmax(0, 1fr)`
                : `${leftWidth}px 6px minmax(0, 1fr) 6px ${rightWidth}px`,
            }}
          >
            <div className="column">
              {s.lesson && (
                <NarrationPanel
                  lesson={s.lesson}
                  step={frame.position.step}
                  quiz={s.quiz}
                  busy={status !== 'ready'}
                  onGo={(step) => void s.lessonGo(step)}
                />
              )}
              {program && (
                <Program
                  program={program}
                  breakpoints={s.breakpoints}
                  onToggleBreakpoint={s.toggleBreakpoint}
                />
              )}
              {program?.kind === 'guest' && !hidden('Registers') && <Registers program={program} />}
            </div>
            <Splitter
              label="Resize the program column"
              size={leftWidth}
              min={240}
              max={720}
              onResize={setLeftWidth}
            />
            <div className="column">
              {isAlloc && frame.allocator?.kind === 'orthotope' ? (
                <Allocator view={frame.allocator.view} history={frame.allocator.history} />
              ) : (
                <>
                  <AddressSpaces
                    lanes={frame.lanes}
                    accesses={frame.step?.accesses ?? NO_ACCESSES}
                    selection={s.selection}
                    pinned={s.pinned}
                    symbols={program?.kind === 'guest' ? program.symbols : undefined}
                    onSelect={s.select}
                    onFocus={s.focusLane}
                  />
                  <AdapterRecords step={frame.step} rows={frame.adapterRows} mode={frame.mode} />
                </>
              )}
            </div>
            {!isAlloc && (
              <Splitter
                label="Resize the inspector column"
                size={rightWidth}
                min={240}
                max={720}
                onResize={(w) => setRightWidth(w)}
              />
            )}
            {!isAlloc && (
              <div className="column">
                <Inspector block={frame.block} onJump={seek} onWho={onWho} />
                {frame.allocator?.kind === 'orthotope' && (
                  <Allocator view={frame.allocator.view} history={frame.allocator.history} />
                )}
                {frame.allocator?.kind === 'observed' && <ObservedHeap view={frame.allocator.view} />}
                {s.showCost && (
                  <CostPanel
                    cost={s.cost ?? null}
                    loading={s.costLoading}
                    onCompute={() => void s.computeCost()}
                  />
                )}
              </div>
            )}
          </main>
        )}
        {frame && (
          <footer className="timeline-dock">
            <Timeline
              start={0}
              end={Math.max(1, end)}
              current={liveFrame?.position.timestamp ?? frame.position.timestamp}
              window={
                densities ? { t0: densities.t0, t1: densities.t1, buckets: densities.buckets } : undefined
              }
              tracks={tracks}
              markers={markers}
              unit={isAlloc ? 'operation' : 'timestamp'}
              onSeek={(t) => seek(t)}
              onViewport={(t0, t1, buckets) => s.requestDensities(t0, t1, buckets)}
            />
          </footer>
        )}
      </div>
    </DropZone>
  );
}
