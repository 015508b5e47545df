// The Timeline panel: the scrubber with the run's density tracks, its end/error markers, OpenVM's segment
// cuts (a segmented session's own, or metering's once the run is metered) with a band per segment, and Cost
// by function's highlighted time and selected range. Moved here from App.tsx when the workspace became
// dockable (it is a dock panel like the others).
import { useMemo } from 'react';
import type { SegmentView } from '../../engine/timeline/sessionTypes';
import type { Frame } from '../../engine/views/frameTypes';
import { debuggerStore, useDebugger } from '../debugger/useDebugger';
import { Timeline } from '../panels/Timeline';

export function TimelinePanel({ frame }: { frame: Frame }) {
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
  const segmentation = frame.info.segmentation?.segments ?? NO_SEGMENTS;
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
    // A segmented session knows its cuts itself; an unsegmented one shows metering's once metered.
    if (segmentation.length <= 1)
      meter?.segmentTimestamps.forEach((t, k) => {
        if (k > 0)
          m.push({
            t,
            kind: 'segment',
            label: `OpenVM segment ${k} starts (instruction ${meter.segments[k].instret_start.toLocaleString('en-US')})`,
          });
      });
    for (const seg of segmentation)
      if (seg.index > 0 && seg.startTimestamp !== null)
        m.push({
          t: seg.startTimestamp,
          kind: 'segment',
          label: `OpenVM segment ${seg.index} starts (instruction ${seg.startStep.toLocaleString('en-US')})`,
        });
    return m;
  }, [runEnd, runError, meter, segmentation]);
  const segmentBands = useMemo(
    () =>
      // Segments not reached yet (their start not known) are not drawn.
      segmentation.flatMap((seg) => {
        const t0 = seg.startTimestamp;
        if (t0 === null) return [];
        const t1 = t0 + (seg.endTimestamp ?? Math.max(1, end - t0 + 1)) - 1;
        return [{ index: seg.index, t0, t1, startStep: seg.startStep, numInsns: seg.numInsns }];
      }),
    [segmentation, end],
  );
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
    <div className="timeline-dock">
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
        segments={segmentBands}
        currentSegment={frame.position.segment}
        selection={selection}
        onSelectRange={meter ? setMeterRange : undefined}
      />
    </div>
  );
}

const NO_SEGMENTS: readonly SegmentView[] = [];
