// The debugger: toolbar and controls; Program and Registers; Address spaces and Adapter records; Block
// inspector and Allocator; the Timeline scrubber along the bottom. Every panel renders the latest frame the
// engine worker sent; the store asks for frames, the panels never touch engine state. Each component reads
// the store through selectors, so a change re-renders only what shows it.
import { memo, useCallback, useDeferredValue, useEffect, useMemo, useState } from 'react';
import type { Frame } from '../engine/views/frameTypes';
import { Controls } from './controls/Controls';
import { HelpOverlay } from './controls/HelpOverlay';
import { MissingSettingsBanner } from './controls/MissingSettingsBanner';
import { ErrorBanner, Notice } from './controls/StatusBanners';
import { ReopenFileBanner } from './controls/ReopenFileBanner';
import { Toolbar } from './debugger/Toolbar';
import type { DebuggerState } from './debugger/storeTypes';
import { debuggerStore, useDebugger } from './debugger/useDebugger';
import { useShallow } from 'zustand/react/shallow';
import { DropZone } from './layout/DropZone';
import { Splitter } from './layout/Splitter';
import { AdapterRecordsPanel } from './panels/AdapterRecordsPanel';
import { AddressSpacesPanel } from './panels/AddressSpacesPanel';
import { AllocatorPanel } from './panels/AllocatorPanel';
import { BlockInspector } from './panels/BlockInspector';
import { ObservedHeapPanel } from './panels/ObservedHeapPanel';
import { ProgramPanel } from './panels/ProgramPanel';
import type { ExtensionUse } from '../engine/guest/isa/decoder';
import { RegistersPanel } from './panels/RegistersPanel';
import { Timeline } from './panels/Timeline';
import { actionForKey } from './shortcuts';
import { CostPanel } from './lessons/CostPanel';
import { CostByFunctionPanel } from './panels/CostByFunctionPanel';
import { LessonsGallery } from './lessons/LessonsGallery';
import { NarrationPanel } from './lessons/NarrationPanel';

// Memoized panels with stable props skip the renders of changes they do not show.
const Program = memo(ProgramPanel);
const NO_EXTENSIONS: ExtensionUse[] = [];
const Registers = memo(RegistersPanel);
const AddressSpaces = memo(AddressSpacesPanel);
const AdapterRecords = memo(AdapterRecordsPanel);
const Inspector = memo(BlockInspector);
const Allocator = memo(AllocatorPanel);
const ObservedHeap = memo(ObservedHeapPanel);
const NO_ACCESSES: never[] = [];

/** The keyboard shortcuts, on the window; a key another handler took (defaultPrevented) is left alone. */
function useShortcuts() {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const a = actionForKey(e);
      if (a === undefined) return;
      e.preventDefault();
      void debuggerStore.getState().action(a);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

function HelpLayer() {
  const help = useDebugger((s) => s.help);
  const setHelp = useDebugger((s) => s.setHelp);
  return help ? <HelpOverlay onClose={() => setHelp(false)} /> : null;
}

function LessonsDrawer() {
  const show = useDebugger((s) => s.showLessons);
  const lessons = useDebugger((s) => s.lessons);
  const current = useDebugger((s) => s.lessonEntry?.id ?? null);
  const completed = useDebugger((s) => s.completed);
  const openLesson = useDebugger((s) => s.openLesson);
  const setShowLessons = useDebugger((s) => s.setShowLessons);
  if (!show) return null;
  return (
    <div className="lessons-drawer">
      <LessonsGallery
        lessons={lessons}
        current={current}
        completed={completed}
        onOpen={(entry) => void openLesson(entry)}
      />
      <button type="button" onClick={() => setShowLessons(false)}>
        Close lessons
      </button>
    </div>
  );
}

/** Everything the panels show, read as one snapshot so that the panels render it deferred (see App). */
function panelsView(s: DebuggerState) {
  return {
    frame: s.frame,
    program: s.program,
    selection: s.selection,
    pinned: s.pinned,
    breakpoints: s.breakpoints,
    registersHidden: s.hidden.includes('Registers'),
    lesson: s.lesson,
    quiz: s.quiz,
    busy: s.status !== 'ready',
    showCost: s.showCost,
    cost: s.cost,
    costLoading: s.costLoading,
    costName: s.lesson?.program ?? s.loaded?.name ?? '',
    showMeter: s.showMeter,
  };
}
type PanelsView = ReturnType<typeof panelsView> & { frame: Frame };

function Panels({ view }: { view: PanelsView }) {
  const [leftWidth, setLeftWidth] = useState(380);
  const [rightWidth, setRightWidth] = useState(340);
  const {
    frame,
    selection,
    pinned,
    breakpoints,
    registersHidden,
    lesson,
    quiz,
    busy,
    showCost,
    cost,
    costLoading,
    costName,
    showMeter,
    program: programStatic,
  } = view;
  const { toggleBreakpoint, select, focusLane, seek, control, lessonGo, computeCost } =
    debuggerStore.getState();

  const isAlloc = frame.kind === 'alloc';
  const block = frame.block;
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
  const program = frame.program;
  const symbols = programStatic?.kind === 'guest' ? programStatic.symbols : undefined;
  const scriptText = programStatic?.kind === 'script' ? programStatic.text : '';
  const extensions = programStatic?.kind === 'guest' ? programStatic.extensions : NO_EXTENSIONS;
  return (
    <main
      className="debugger"
      style={{
        gridTemplateColumns: isAlloc
          ? `${leftWidth}px 6px minmax(0, 1fr)`
          : `${leftWidth}px 6px minmax(0, 1fr) 6px ${rightWidth}px`,
      }}
    >
      <div className="column">
        {lesson && (
          <NarrationPanel
            lesson={lesson}
            step={frame.position.step}
            quiz={quiz}
            busy={busy}
            onGo={(step) => void lessonGo(step)}
          />
        )}
        {program && (
          <Program
            program={program}
            text={scriptText}
            extensions={extensions}
            operands={frame.step?.operands ?? null}
            breakpoints={breakpoints}
            onToggleBreakpoint={toggleBreakpoint}
          />
        )}
        {program?.kind === 'guest' && !registersHidden && <Registers program={program} />}
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
              selection={selection}
              pinned={pinned}
              symbols={symbols}
              onSelect={select}
              onFocus={focusLane}
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
          onResize={setRightWidth}
        />
      )}
      {!isAlloc && (
        <div className="column">
          <Inspector block={frame.block} onJump={seek} onWho={onWho} />
          {frame.allocator?.kind === 'orthotope' && (
            <Allocator view={frame.allocator.view} history={frame.allocator.history} />
          )}
          {frame.allocator?.kind === 'observed' && <ObservedHeap view={frame.allocator.view} />}
          {showCost && (
            <CostPanel
              cost={cost ?? null}
              loading={costLoading}
              name={costName}
              onCompute={() => void computeCost()}
            />
          )}
          {showMeter && frame.kind === 'guest' && <CostByFunctionPanel />}
        </div>
      )}
    </main>
  );
}

function TimelineDock({ frame }: { frame: Frame }) {
  const densities = useDebugger((s) => s.densities);
  const current = useDebugger((s) => s.frame?.position.timestamp ?? frame.position.timestamp);
  const { seek, requestDensities } = debuggerStore.getState();
  const isAlloc = frame.kind === 'alloc';
  const end = Math.max(frame.info.head.timestamp, frame.position.timestamp);
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
  const runEnd = frame.info.end;
  const runError = frame.info.error;
  // OpenVM's segment cuts, once the run was metered (Cost by function) with the options of this session.
  const meter = useDebugger((s) =>
    s.meterFor === s.loaded && s.options.alloc !== 'orthotope' ? s.meter : undefined,
  );
  const markers = useMemo(() => {
    const m: { t: number; kind: 'error' | 'end' | 'segment'; label: string }[] = [];
    if (runEnd)
      m.push({
        t: runEnd.timestamp,
        kind: runError ? 'error' : 'end',
        label: runError ? `error: ${runError.message}` : 'end of run',
      });
    meter?.segmentTimestamps.forEach((t, k) => {
      if (k > 0)
        m.push({
          t,
          kind: 'segment',
          label: `OpenVM segment ${k} starts (instruction ${meter.segments[k].instret_start.toLocaleString('en-US')})`,
        });
    });
    return m;
  }, [runEnd, runError, meter]);
  const window = useMemo(
    () => (densities ? { t0: densities.t0, t1: densities.t1, buckets: densities.buckets } : undefined),
    [densities],
  );
  // Cost by function: the highlighted function's time and the range selected for the icicle (shift-drag,
  // once the run is metered with this session's options).
  const bands = useDebugger((s) =>
    meter !== undefined && s.meterHighlight?.meter === meter ? s.meterHighlight.timestamps : undefined,
  );
  const selection = useDebugger((s) => (isAlloc ? undefined : s.meterRange));
  const { setMeterRange } = debuggerStore.getState();
  return (
    <footer className="timeline-dock">
      <Timeline
        start={0}
        end={Math.max(1, end)}
        current={current}
        window={window}
        tracks={tracks}
        markers={markers}
        unit={isAlloc ? 'operation' : 'timestamp'}
        onSeek={seek}
        onViewport={requestDensities}
        bands={bands}
        selection={selection}
        onSelectRange={meter ? setMeterRange : undefined}
      />
    </footer>
  );
}

export function App() {
  const live = useDebugger(useShallow(panelsView));
  const openFiles = useDebugger((s) => s.openFiles);
  // The control bar shows the newest position at once; the panels render what they show (the frame, the
  // selection, breakpoints, ...) as one deferred snapshot: an interruptible background render, so neither
  // a big frame nor a change of selection or status ever renders the panels synchronously.
  // `settled` says when every panel shows the newest state (tests and the status line rely on it).
  const view = useDeferredValue(live);
  const settled = view === live;
  useEffect(() => {
    void debuggerStore.getState().init();
  }, []);
  useShortcuts();
  const frame = view.frame;
  return (
    <DropZone onFiles={(files) => void openFiles(files)}>
      <div className="app" data-settled={settled}>
        <Toolbar />
        <Controls />
        <MissingSettingsBanner />
        <ErrorBanner />
        <Notice />
        <ReopenFileBanner />
        <HelpLayer />
        <LessonsDrawer />
        {frame && <Panels view={{ ...view, frame }} />}
        {frame && <TimelineDock frame={frame} />}
      </div>
    </DropZone>
  );
}
