// The segment run options (issue 23), in the header's Run ▾ beside the memory mode: whether a persistent
// session is cut as OpenVM v1.7 cuts the run (continuations, the default) or runs as one TracingMemory, and
// the cut's limits — exec's --max-segment-length (SystemConfig::with_max_segment_len),
// --segment-max-height-bits and --segment-max-cells (cargo openvm prove's SegmentationArgs). Empty fields
// are OpenVM's SDK defaults. The engine checks them (segmentPlan.settingsLimits: a bad pair is an error
// naming the options). Cost by function meters with the same settings. Volatile memory is never cut.
import type { SegmentSettings } from '../../engine/timeline/sessionTypes';
import type { RunOptionsUi } from '../debugger/storeTypes';
import { CommitField } from './CommitField';

const FIELDS: { key: keyof SegmentSettings; label: string; name: string; sdk: string }[] = [
  { key: 'maxSegmentLength', label: 'max segment length', name: 'Max segment length', sdk: '4,194,304' },
  { key: 'segmentMaxHeightBits', label: 'max height bits', name: 'Segment max height bits', sdk: '22' },
  { key: 'segmentMaxCells', label: 'max cells', name: 'Segment max cells', sdk: '1,200,000,000' },
];

/** A committed field's value: '' clears the setting (the SDK default); digits (with `_` or `,`) set it. */
function parseSetting(text: string): number | undefined | null {
  const t = text.replace(/[_,\s]/g, '');
  if (t === '') return undefined;
  return /^\d+$/.test(t) ? Number(t) : null;
}

export function SegmentOptions({
  options,
  setOptions,
}: {
  options: Pick<RunOptionsUi, 'mode' | 'segments' | 'segmentSettings'>;
  setOptions(o: Partial<RunOptionsUi>): void;
}) {
  const volatile = options.mode === 'volatile';
  const limitsOff = volatile || options.segments === 'off';
  return (
    <>
      <label title="persistent memory: cut as OpenVM v1.7 cuts the run (continuations), or one TracingMemory for the whole run (as with segmentation switched off)">
        segments{' '}
        <select
          aria-label="Segmentation"
          value={volatile ? 'volatile' : options.segments}
          disabled={volatile}
          onChange={(e) => setOptions({ segments: e.target.value as 'openvm' | 'off' })}
        >
          {volatile && <option value="volatile">one (volatile: never cut)</option>}
          <option value="openvm">as OpenVM cuts the run</option>
          <option value="off">off: one TracingMemory</option>
        </select>
      </label>
      {FIELDS.map((f) => (
        <label key={f.key} title={`empty: OpenVM's SDK default (${f.sdk})`}>
          {f.label}{' '}
          <CommitField
            aria-label={`${f.name} (run option)`}
            inputMode="numeric"
            disabled={limitsOff}
            placeholder={f.sdk}
            value={options.segmentSettings[f.key]?.toString() ?? ''}
            onCommit={(text) => {
              const v = parseSetting(text);
              if (v === null) return;
              const { [f.key]: _, ...rest } = options.segmentSettings;
              setOptions({ segmentSettings: v === undefined ? rest : { ...rest, [f.key]: v } });
            }}
            style={{ width: '9em' }}
          />
        </label>
      ))}
    </>
  );
}
