// The Address spaces panel (issue 6): one lane per address space the frame carries (registers, memory,
// public values, native), each with an overview image of the whole space and a zoomed-in grid of cells
// with their blocks, the current step's accesses, values in hex / decimal / ASCII / field, and "jump to".
// Stateless about the run: the caller owns selection and pinning (onSelect, onFocus); the panel keeps only
// how values read (format, words).
import { useRef, useState } from 'react';
import type { LaneView, StepAccess } from '../../engine/views/frameTypes';
import type { LaneSize } from '../debugger/storeTypes';
import type { JumpSymbol } from './memory/jump';
import { MemoryLane } from './memory/MemoryLane';
import { PanelToolbar } from './memory/PanelToolbar';
import { useLaneSizes } from './memory/useLaneSizes';
import { useNumberFormat } from './numberBase';
import { useElementWidth } from './useElementWidth';
import './memory.css';

export interface AddressSpacesPanelProps {
  lanes: LaneView[];
  /** The step that led to the current position (highlight these cells; writes vs reads). */
  accesses: StepAccess[];
  selection?: { addressSpace: number; pointer: number };
  /** Lanes whose detail is pinned by the user (not following accesses). */
  pinned: number[];
  /** Guest runs: for "jump to symbol" (main memory, AS2). */
  symbols?: JumpSymbol[];
  /** Click a cell (or move the selection with the arrow keys). */
  onSelect(addressSpace: number, pointer: number): void;
  /** Click the overview, jump, page (a cell to show), or "Follow accesses" (null). */
  onFocus(addressSpace: number, pointer: number | null): void;
  /** The panel's room, as detail windows per lane (rows that fill the panel's height). */
  onSizes?(sizes: Record<number, LaneSize>): void;
}

/** Symbols are code and data addresses of main memory only. */
const SYMBOL_SPACE = 2;

export function AddressSpacesPanel({
  lanes,
  accesses,
  selection,
  pinned,
  symbols,
  onSelect,
  onFocus,
  onSizes,
}: AddressSpacesPanelProps) {
  // Shared with every panel that shows addresses or values (numberBase.ts).
  const format = useNumberFormat((s) => s.format);
  const setFormat = useNumberFormat((s) => s.setFormat);
  const [words, setWords] = useState(false);
  const [ref, width] = useElementWidth<HTMLDivElement>(640);
  const panel = useRef<HTMLElement>(null);
  useLaneSizes(panel, ref, lanes, format, width, onSizes);
  return (
    <section className="mem-panel" role="region" aria-label="Address spaces" ref={panel}>
      <PanelToolbar format={format} words={words} onFormat={setFormat} onWords={setWords} />
      <div className="mem-lanes" ref={ref}>
        {lanes.length === 0 && (
          <p className="mem-empty">This run has no address spaces (allocator traces model the heap only).</p>
        )}
        {lanes.map((lane) => (
          <MemoryLane
            key={lane.addressSpace}
            lane={lane}
            accesses={accesses}
            format={format}
            words={words}
            width={width}
            selected={selection?.addressSpace === lane.addressSpace ? selection.pointer : undefined}
            pinned={pinned.includes(lane.addressSpace)}
            symbols={lane.addressSpace === SYMBOL_SPACE ? symbols : undefined}
            onSelect={onSelect}
            onFocus={onFocus}
          />
        ))}
      </div>
    </section>
  );
}
