// Runs a parsed `.alloc` trace against the orthotope 0.1.7 model and renders the log format of
// ../shared/spec/alloc-trace-format.md: one allocator per script, caches by THREAD created on first
// mention, IDs bound by successful allocs, unbound by failed ones, never by frees (so freeing an ID twice
// is a real double free), and no allocator call at all for an unbound ID.
// The allocator is created just before the first directive runs (or at the end of a script without
// directives); after a malformed line nothing more is run or printed, the final block included.
import { asUserPtr, createAllocator, type Allocator, type UserPtr } from '../alloc/orthotope/allocator';
import { formatErrorForLog, type FreeError, type InitError } from '../alloc/orthotope/errors';
import type { AllocEventLog } from '../alloc/orthotope/events';
import { classForRequest, LARGE_CLASS } from '../alloc/orthotope/sizeClasses';
import type { AllocDirective, AllocTrace } from './allocTrace';
import { classLabel, formatPreamble, formatStatsBlock } from './allocTraceLog';

export interface AllocTraceRun {
  /** The allocator after the run (null when none was created or its creation failed). */
  readonly allocator: Allocator | null;
  readonly initError: InitError | null;
}

export interface RunOptions {
  /** Event log for the allocator (default: a fresh one; null records none). */
  readonly events?: AllocEventLog | null;
}

const FLUSH_CHUNK = 4096;

/** Runs `trace`, writing the log through `out` in chunks (no trailing newline is ever missing). */
export function runAllocTrace(
  trace: AllocTrace,
  out: (text: string) => void,
  options: RunOptions = {},
): AllocTraceRun {
  if (trace.directives.length === 0 && trace.error !== null) return { allocator: null, initError: null };
  const created = createAllocator(trace.config, { events: options.events });
  if (!created.ok) {
    out(`init -> err ${formatErrorForLog(created.error)}\n`);
    return { allocator: null, initError: created.error };
  }
  const allocator = created.allocator;
  const bound = new Map<string, UserPtr>();
  let pending: string[] = [formatPreamble(trace.config, allocator)];
  const emit = (text: string) => {
    pending.push(text);
    if (pending.length >= FLUSH_CHUNK) {
      out(pending.join(''));
      pending = [];
    }
  };
  for (const d of trace.directives) emit(runDirective(allocator, bound, d));
  if (trace.error === null) emit(formatStatsBlock(allocator, 'final'));
  if (pending.length > 0) out(pending.join(''));
  return { allocator, initError: null };
}

const freeResult = (error: FreeError | null): string =>
  error === null ? 'ok' : `err ${formatErrorForLog(error)}`;

/** One directive against `a` (IDs in `bound`): its log line(s). Exported for the timeline's stepper. */
export function runDirective(a: Allocator, bound: Map<string, UserPtr>, d: AllocDirective): string {
  switch (d.op) {
    case 'stats':
      return formatStatsBlock(a, 'stats');
    case 'alloc': {
      const head = `alloc id=${d.id} size=${d.size} t=${d.thread} -> `;
      const result = a.allocate(d.thread, d.size);
      if (typeof result !== 'number') {
        bound.delete(d.id);
        return `${head}err ${formatErrorForLog(result)}\n`;
      }
      bound.set(d.id, result);
      const cls = classForRequest(d.size);
      return `${head}ok off=${result} class=${classLabel(cls < 0 ? LARGE_CLASS : cls)}\n`;
    }
    case 'free_offset':
      a.cache(d.thread);
      return `free_offset off=${d.offset} t=${d.thread} -> ${freeResult(a.deallocate(d.thread, asUserPtr(d.offset)))}\n`;
    default: {
      const sized = d.op === 'free_sized' ? ` size=${d.size}` : '';
      const head = `${d.op} id=${d.id}${sized} t=${d.thread}`;
      a.cache(d.thread); // first mention creates the cache even when no call is made
      const ptr = bound.get(d.id);
      if (ptr === undefined) return `${head} -> skip unknown-id\n`;
      let error: FreeError | null;
      if (d.op === 'free_sized') error = a.deallocateWithSize(d.thread, ptr, d.size);
      else if (d.op === 'free') error = a.deallocate(d.thread, ptr);
      else {
        const forged = a.forgeCopy(ptr);
        error = a.deallocate(d.thread, forged);
        a.releaseForgedCopy(forged);
      }
      return `${head} off=${ptr} -> ${freeResult(error)}\n`;
    }
  }
}
