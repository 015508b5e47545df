// alloc group: throughput of the orthotope 0.1.7 model on orthotope's own `mixed_size_churn` workload scaled
// to 1,000,000 operations (62,500 iterations of 8 allocs + 8 sized frees), driven through the allocator API
// as orthotope's harness drives the crate (a fresh allocator per sample, default config, median of the
// samples). Events are recorded, as the app does; the cost of recording is reported separately. Also: the
// bytes per recorded event, the whole CLI path (`memscope alloc` in-process: decode, parse, run, log), and
// the cost of a checkpoint (snapshot) of a busy allocator.
import { captureIO } from '../src/cli/io';
import { runCli } from '../src/cli/main';
import { createAllocator, type Allocator } from '../src/engine/alloc/orthotope/allocator';
import { DEFAULT_CONFIG } from '../src/engine/alloc/orthotope/config';
import { AllocEventLog } from '../src/engine/alloc/orthotope/events';
import {
  MIXED_SIZES,
  embeddingBatch,
  longLivedHandoff,
  mixedSizeChurn,
  randomChurn,
} from '../src/engine/alloc/views/workloads';
import type { BenchGroup } from './benchGroup';

const OPS = 1_000_000;
const ITERATIONS = OPS / (2 * MIXED_SIZES.length);
const SAMPLES = 5;

function fresh(events: AllocEventLog | null): Allocator {
  const r = createAllocator(DEFAULT_CONFIG, { events });
  if (!r.ok) throw new Error(r.error.message);
  return r.allocator;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Median ms of `SAMPLES` runs after one warm-up; each run gets a fresh allocator. */
function time(run: () => void): number {
  run();
  const ms: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const t0 = performance.now();
    run();
    ms.push(performance.now() - t0);
  }
  return median(ms);
}

function mixedSizeChurnTrace(iterations: number): string {
  const lines: string[] = [];
  for (let it = 0; it < iterations; it++) {
    MIXED_SIZES.forEach((size, i) => lines.push(`alloc m${i} ${size}`));
    for (let i = MIXED_SIZES.length - 1; i >= 0; i--) lines.push(`free_sized m${i} ${MIXED_SIZES[i]}`);
  }
  return lines.join('\n') + '\n';
}

export const allocBench: BenchGroup = async (report) => {
  let events = new AllocEventLog();
  const withEvents = time(() => {
    events = new AllocEventLog();
    if (mixedSizeChurn(fresh(events), ITERATIONS) !== OPS) throw new Error('workload size');
  });
  report('alloc_ops_per_sec', Math.round(OPS / (withEvents / 1000)));
  report('alloc_ns_per_op', ((withEvents * 1e6) / OPS).toFixed(1));
  report('alloc_event_bytes', AllocEventLog.BYTES_PER_EVENT);
  report('alloc_events_recorded', events.length);
  report('alloc_event_bytes_reserved_per_event', (events.byteLength / events.length).toFixed(1));
  report('alloc_event_log_mb', (events.byteLength / 2 ** 20).toFixed(1));

  const noEvents = time(() => mixedSizeChurn(fresh(null), ITERATIONS));
  report('alloc_ops_per_sec_no_events', Math.round(OPS / (noEvents / 1000)));

  const embedding = time(() => embeddingBatch(fresh(new AllocEventLog()), OPS / 16));
  report('alloc_embedding_batch_ops_per_sec', Math.round(OPS / (embedding / 1000)));
  const handoff = time(() => longLivedHandoff(fresh(new AllocEventLog()), OPS / 2));
  report('alloc_long_lived_handoff_ops_per_sec', Math.round(OPS / (handoff / 1000)));

  // The CLI path on the same workload as a 1,000,000-line trace (the log it prints is 1,000,000+ lines).
  const text = new TextEncoder().encode(mixedSizeChurnTrace(ITERATIONS));
  let cliMs = Infinity;
  for (let rep = 0; rep < 2; rep++) {
    const io = captureIO({ 'bench.alloc': text });
    const t0 = performance.now();
    const code = await runCli(['alloc', 'bench.alloc'], io);
    cliMs = Math.min(cliMs, performance.now() - t0);
    if (code !== 0) throw new Error(io.stderr);
  }
  report('alloc_trace_cli_ops_per_sec', Math.round(OPS / (cliMs / 1000)));

  // Checkpoint cost: a snapshot of an allocator after 200,000 random ops over 4 caches.
  const busy = fresh(null);
  randomChurn(busy, { seed: 7, ops: 200_000, threads: 4, maxSize: 16_384 });
  const snapMs = time(() => busy.snapshot());
  report('alloc_snapshot_ms', snapMs.toFixed(2));
  report('alloc_snapshot_arena_pages', (busy.state.memory.bytes as { pageCount?: number }).pageCount ?? 0);
};
