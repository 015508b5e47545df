// What the recording costs and what it gave up: checkpoint memory against its budget, how many older
// checkpoints were thinned, and the longest replay a seek may need (issue 5: "the budget and what was
// thinned are visible").
import { formatNumber } from '../panels/timeline/format';
import type { MemoryStats } from '../../engine/timeline/sessionTypes';

const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(1);

export function RecordingStats({ stats }: { stats: MemoryStats }) {
  const thinned = stats.thinnedCheckpoints > 0;
  return (
    <span
      className={`recording-stats ${thinned ? 'thinned' : ''}`}
      data-testid="recording-stats"
      data-bytes={stats.bytes}
      data-budget={stats.budgetBytes}
      data-thinned={stats.thinnedCheckpoints}
      title={`Time travel keeps ${stats.checkpoints} checkpoints (copy-on-write pages shared) plus samples every ${stats.sampleEvery} steps (${mb(stats.sampleBytes)} MB). A seek restores the nearest earlier checkpoint and replays; the longest replay is ${formatNumber(stats.maxGapSteps)} steps.${thinned ? ` Older history was thinned (every ${stats.thinningK}th step kept) to stay within the budget: seeks there replay more, and stay exact.` : ''}`}
    >
      checkpoints {stats.checkpoints} · {mb(stats.bytes)} / {mb(stats.budgetBytes)} MB
      {thinned ? ` · ${stats.thinnedCheckpoints} thinned` : ''}
    </span>
  );
}
