// The workspace's panels, one entry each: its id (kept in saved layouts and shared links, so never
// renamed), its title (the dock tab and the View menu), what it renders from the deferred snapshot
// (usePanelsView) and, when it has nothing to show for this program, a hint saying what would fill it.
// Adding a panel to the workspace is one entry here (see src/ui/README.md); layouts.ts says where the
// task layouts put it, and a panel no layout names opens beside the Program panel from the View menu.
// The panel components stay as they were: this file only wires their props.
import { memo, type ReactNode, useCallback } from 'react';
import type { ExtensionUse } from '../../engine/guest/isa/decoder';
import { debuggerStore } from '../debugger/useDebugger';
import { CostPanel } from '../lessons/CostPanel';
import { NarrationPanel } from '../lessons/NarrationPanel';
import { AdapterRecordsPanel } from '../panels/AdapterRecordsPanel';
import { AddressSpacesPanel } from '../panels/AddressSpacesPanel';
import { AllocatorPanel } from '../panels/AllocatorPanel';
import { BlockInspector } from '../panels/BlockInspector';
import { BreakpointsPanel } from '../panels/breakpoints/BreakpointsPanel';
import { CostByFunctionPanel } from '../panels/CostByFunctionPanel';
import { ObservedHeapPanel } from '../panels/ObservedHeapPanel';
import { ProgramPanel } from '../panels/ProgramPanel';
import { RegistersPanel } from '../panels/RegistersPanel';
import { PlaygroundSlot } from '../playground/PlaygroundSlot';
import type { PanelsView } from './panelsView';
import { TimelinePanel } from './TimelinePanel';

// Memoized panels with stable props skip the renders of changes they do not show.
const Program = memo(ProgramPanel);
const Registers = memo(RegistersPanel);
const AddressSpaces = memo(AddressSpacesPanel);
const AdapterRecords = memo(AdapterRecordsPanel);
const Inspector = memo(BlockInspector);
const Allocator = memo(AllocatorPanel);
const ObservedHeap = memo(ObservedHeapPanel);
const NO_EXTENSIONS: ExtensionUse[] = [];
const NO_ACCESSES: never[] = [];

export interface PanelDef {
  /** Stable id: saved layouts and shared links name panels by it. */
  id: string;
  /** The dock tab's and the View menu's name. */
  title: string;
  /** The panel's content, or null when this program gives it nothing to show (then `hint` shows). */
  render(view: PanelsView): ReactNode;
  /** What would fill the panel, shown when render returns null. */
  hint: string;
}

function InspectorBody({ view }: { view: PanelsView }) {
  const { seek, control } = debuggerStore.getState();
  const block = view.frame.block;
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
  return <Inspector block={block} onJump={seek} onWho={onWho} />;
}

export const PANELS: PanelDef[] = [
  {
    id: 'playground',
    title: 'Playground',
    hint: 'Write a script or a program: Examples → Blank script or Blank program, or Edit on an open script.',
    render: ({ editorOpen }) => editorOpen && <PlaygroundSlot />,
  },
  {
    id: 'narration',
    title: 'Narration',
    hint: 'Open a lesson (Lessons, in the header) to read it here.',
    render: ({ lesson, frame, quiz, busy }) =>
      lesson && (
        <NarrationPanel
          lesson={lesson}
          step={frame.position.step}
          quiz={quiz}
          busy={busy}
          onGo={(step) => void debuggerStore.getState().lessonGo(step)}
        />
      ),
  },
  {
    id: 'program',
    title: 'Program',
    hint: 'An allocator trace has no program: its operations are on the Timeline.',
    render: ({ frame, program, breakpoints }) =>
      frame.program && (
        <Program
          program={frame.program}
          text={program?.kind === 'script' ? program.text : ''}
          extensions={program?.kind === 'guest' ? program.extensions : NO_EXTENSIONS}
          operands={frame.step?.operands ?? null}
          breakpoints={breakpoints}
          onToggleBreakpoint={debuggerStore.getState().toggleBreakpoint}
        />
      ),
  },
  {
    id: 'registers',
    title: 'Registers',
    hint: 'Guest programs have registers; memory scripts and allocator traces do not.',
    render: ({ frame, registersHidden }) =>
      frame.program?.kind === 'guest' && !registersHidden && <Registers program={frame.program} />,
  },
  {
    id: 'addressSpaces',
    title: 'Address spaces',
    hint: 'An allocator trace has no address spaces: see the Allocator panel.',
    render: ({ frame, program, selection, pinned }) =>
      frame.kind !== 'alloc' && (
        <AddressSpaces
          lanes={frame.lanes}
          accesses={frame.step?.accesses ?? NO_ACCESSES}
          selection={selection}
          pinned={pinned}
          symbols={program?.kind === 'guest' ? program.symbols : undefined}
          onSelect={debuggerStore.getState().select}
          onFocus={debuggerStore.getState().focusLane}
          onSizes={debuggerStore.getState().setLaneSizes}
        />
      ),
  },
  {
    id: 'adapterRecords',
    title: 'Adapter records',
    hint: 'An allocator trace has no access adapters.',
    render: ({ frame }) =>
      frame.kind !== 'alloc' && (
        <AdapterRecords step={frame.step} rows={frame.adapterRows} mode={frame.mode} />
      ),
  },
  {
    id: 'inspector',
    title: 'Block inspector',
    hint: 'An allocator trace has no memory blocks.',
    render: (view) => view.frame.kind !== 'alloc' && <InspectorBody view={view} />,
  },
  {
    id: 'breakpoints',
    title: 'Breakpoints & watchpoints',
    hint: 'An allocator trace has no breakpoints: seek by operation on the Timeline.',
    render: ({ frame }) => frame.kind !== 'alloc' && <BreakpointsPanel />,
  },
  {
    id: 'allocator',
    title: 'Allocator',
    hint: 'Open an .alloc trace, or run a guest with allocator observe or orthotope (header).',
    render: ({ frame }) =>
      frame.allocator?.kind === 'orthotope' ? (
        <Allocator view={frame.allocator.view} history={frame.allocator.history} />
      ) : frame.allocator?.kind === 'observed' ? (
        <ObservedHeap view={frame.allocator.view} />
      ) : null,
  },
  {
    id: 'cost',
    title: 'Cost',
    hint: 'An allocator trace has no adapter cost.',
    render: ({ frame, cost, costLoading, costName }) =>
      frame.kind !== 'alloc' && (
        <CostPanel
          cost={cost ?? null}
          loading={costLoading}
          name={costName}
          onCompute={() => void debuggerStore.getState().computeCost()}
        />
      ),
  },
  {
    id: 'costByFunction',
    title: 'Cost by function',
    hint: 'Cost by function meters guest programs: open one (Examples or Open…).',
    render: ({ frame }) => frame.kind === 'guest' && <CostByFunctionPanel />,
  },
  {
    id: 'timeline',
    title: 'Timeline',
    hint: '',
    render: ({ frame }) => <TimelinePanel frame={frame} />,
  },
];

export const PANEL_BY_ID: ReadonlyMap<string, PanelDef> = new Map(PANELS.map((p) => [p.id, p]));
