// One address space: a header (name, size, window), its navigation, the overview strip of the whole
// space and the cell grid of the detail window. The lane owns only the last jump's target; everything
// else comes from the frame and goes back through onSelect / onFocus.
import { useMemo, useState } from 'react';
import type { LaneView, StepAccess } from '../../../engine/views/frameTypes';
import { accessesIn, accessMarks } from './accessMarks';
import { CellGrid } from './CellGrid';
import type { JumpSymbol } from './jump';
import { LaneControls } from './LaneControls';
import { OverviewStrip } from './OverviewStrip';
import { addressCharsOf } from './useLaneSizes';
import {
  addressBase,
  addressDigits,
  cellKindOf,
  effectiveFormat,
  formatAddress,
  formatSpaceSize,
  type ValueFormat,
} from './valueFormat';

export interface MemoryLaneProps {
  lane: LaneView;
  accesses: readonly StepAccess[];
  format: ValueFormat;
  words: boolean;
  width: number;
  selected?: number;
  pinned: boolean;
  symbols?: readonly JumpSymbol[];
  onSelect(addressSpace: number, pointer: number): void;
  onFocus(addressSpace: number, pointer: number | null): void;
}

const FORMAT_NAME: Record<ValueFormat, string> = {
  hex: 'hex',
  dec: 'decimal',
  ascii: 'ASCII',
  field: 'field',
};

export function MemoryLane({
  lane,
  accesses,
  format,
  words,
  width,
  selected,
  pinned,
  symbols,
  onSelect,
  onFocus,
}: MemoryLaneProps) {
  const [target, setTarget] = useState<number | undefined>(undefined);
  const as = lane.addressSpace;
  const kind = cellKindOf(lane.align);
  const marks = useMemo(() => accessMarks(accesses, as), [accesses, as]);
  const mine = useMemo(() => accessesIn(accesses, as), [accesses, as]);
  const base = addressBase(format);
  const digits = addressDigits(lane.cells);
  const fmtAddr = (a: number) => formatAddress(a, base, digits);
  const addressChars = addressCharsOf(lane.cells, format);
  const shown = effectiveFormat(format, kind);
  const d = lane.detail;

  return (
    <div
      className="mem-lane"
      role="group"
      aria-label={`${lane.name} (AS${as})`}
      data-testid="lane"
      data-as={as}
      data-last-access={lane.lastAccess?.pointer}
      data-last-access-t={lane.lastAccess?.timestamp}
    >
      <div className="mem-lane-head">
        <h3>{lane.name}</h3>
        <span className="mem-lane-meta" title={`address space ${as}, min_block_size ${lane.align}`}>
          AS{as} · {formatSpaceSize(lane.cells, kind)}
          {d && ` · ${fmtAddr(d.addr)}–${fmtAddr(d.addr + d.len - 1)}`}
          {shown !== format && ` · ${FORMAT_NAME[shown]}`}
        </span>
        <LaneControls
          laneName={lane.name}
          cells={lane.cells}
          detail={d ? { addr: d.addr, len: d.len } : null}
          pinned={pinned}
          symbols={symbols}
          onFocus={(p) => {
            if (p === null) setTarget(undefined);
            onFocus(as, p);
          }}
          onJumped={setTarget}
        />
      </div>
      <OverviewStrip
        overview={lane.overview}
        align={lane.align}
        laneName={lane.name}
        detail={d ? { addr: d.addr, len: d.len } : null}
        accesses={mine}
        selected={selected}
        fmtAddr={fmtAddr}
        onFocus={(p) => onFocus(as, p)}
      />
      {d ? (
        <CellGrid
          view={d}
          laneName={lane.name}
          kind={kind}
          cells={lane.cells}
          width={width}
          format={format}
          words={words}
          marks={marks}
          selected={selected}
          target={target}
          fmtAddr={fmtAddr}
          addressChars={addressChars}
          onSelect={(p) => onSelect(as, p)}
          onFocus={(p) => onFocus(as, p)}
        />
      ) : (
        <p className="mem-empty">No detail window for this space.</p>
      )}
    </div>
  );
}
