// Call stacks with their call sites for profiles that name lines (pprof): each run of the attribution log
// gets its context (attribution/callSiteTree.ts, which says the rules). A log folded as the run went
// (attribution/wholeRunFold.ts) has no runs left: its fold's tree is the one.
// Cost: one pass over the runs, O(depth change) per node change; 4 bytes per run.

import type { RangeProfiler } from '../attribution/rangeProfile';
import { CallSiteTree } from '../attribution/callSiteTree';

export class CallSites {
  readonly tree: CallSiteTree;
  /** The context of every run of the log. */
  readonly runCtx: Int32Array;

  constructor(q: RangeProfiler) {
    const log = q.log;
    const folded = log.folder?.tree;
    this.tree = folded ?? new CallSiteTree(q.trie, q.functions.linkKind);
    this.runCtx = new Int32Array(folded === undefined ? log.runCount : 0);
    if (folded === undefined)
      for (let r = 0; r < log.runCount; r++)
        this.runCtx[r] = this.tree.next(log.runNode[r], log.runIdx[r], log.runEnd(r) - log.runStart[r]);
  }

  /** Per context: its parent context, its call-stack node, the instruction index that called it (-1). */
  get parent(): readonly number[] {
    return this.tree.parent;
  }
  get node(): readonly number[] {
    return this.tree.node;
  }
  get site(): readonly number[] {
    return this.tree.site;
  }

  /** The context of a node reached without known call sites (an event charged off its run's node). */
  contextOf(node: number): number {
    return this.tree.contextOf(node);
  }

  get size(): number {
    return this.tree.size;
  }
}

const cache = new WeakMap<RangeProfiler, CallSites>();

/** The call sites of a profiler's log, computed once. */
export function callSitesOf(q: RangeProfiler): CallSites {
  let c = cache.get(q);
  if (c === undefined) {
    c = new CallSites(q);
    cache.set(q, c);
  }
  return c;
}
