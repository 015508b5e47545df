// Call stacks with their call sites, built run by run (the state profiles/callSites.ts replays the whole
// attribution log through, and wholeRunFold.ts feeds as the log is folded): the attribution log knows which
// call-stack node ran each run of instructions, but a node is (parent, function) — a function called from
// two places in its caller is one node. Replaying the runs in order gives each run a *context*: the node
// path plus, per frame, the instruction that called it (the last instruction of the run before a call), so
// a caller's frame can be shown at its call's line.
// Rules (mirroring callStacks.ts enterInstruction): a run whose node is a child of the previous run's node,
// entered after a linking JAL/JALR (CALL), is a call from that instruction; any other change keeps the
// call sites of the frames both paths share, and a frame replaced at the same depth (a tail call or a
// jump into another function) keeps the call site of the frame it replaces (its return address is the
// same); a frame entered otherwise has no known call site (-1).
// Invariants: context 0 is the root (node 0); contexts are interned (parent context, node, site), so equal
// stacks with equal call sites are one context. Cost: O(depth change) per node change; 12 bytes per
// context plus a Map entry; the path state is O(depth).

import { CALL, type FunctionTable, type StackTrie } from './callStacks';

export class CallSiteTree {
  /** Per context: its parent context, its call-stack node, the instruction index that called it (-1). */
  readonly parent: number[] = [-1];
  readonly node: number[] = [0];
  readonly site: number[] = [-1];
  private readonly ids = new Map<string, number>();
  // The current path: node, context and call site per depth (depth 0 = root).
  private readonly nodeAt: number[] = [0];
  private readonly ctxAt: number[] = [0];
  private readonly siteAt: number[] = [-1];
  private prev = 0;
  /** Instruction index of the previous run's last instruction (-1: none yet). */
  private prevLast = -1;

  constructor(
    private readonly trie: StackTrie,
    private readonly link: FunctionTable['linkKind'],
  ) {}

  /** The context of the next run: node `n`, instructions [first, first + length). */
  next(n: number, first: number, length: number): number {
    const trie = this.trie;
    const { nodeAt, ctxAt, siteAt } = this;
    const prevLast = this.prevLast;
    if (n !== this.prev) {
      const depth = trie.depth[n];
      if (prevLast >= 0 && this.link[prevLast] === CALL && trie.parent[n] === this.prev) {
        nodeAt[depth] = n;
        siteAt[depth] = prevLast;
        ctxAt[depth] = this.intern(ctxAt[depth - 1], n, prevLast);
      } else {
        // The new path from the root: keep the shared prefix, re-intern the rest.
        const path: number[] = [];
        for (let m = n; m > 0; m = trie.parent[m]) path.push(m);
        path.reverse();
        let d = 1;
        while (d <= path.length && d < nodeAt.length && nodeAt[d] === path[d - 1]) d++;
        for (; d <= path.length; d++) {
          const site = d < nodeAt.length ? siteAt[d] : -1;
          nodeAt[d] = path[d - 1];
          siteAt[d] = site;
          ctxAt[d] = this.intern(ctxAt[d - 1], path[d - 1], site);
        }
      }
      nodeAt.length = ctxAt.length = siteAt.length = depth + 1;
      this.prev = n;
    }
    this.prevLast = first + length - 1;
    return ctxAt[trie.depth[n]];
  }

  private intern(parent: number, node: number, site: number): number {
    const key = `${parent},${node},${site}`;
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.parent.length;
      this.parent.push(parent);
      this.node.push(node);
      this.site.push(site);
      this.ids.set(key, id);
    }
    return id;
  }

  /** The context of a node reached without known call sites (an event charged off its run's node). */
  contextOf(node: number): number {
    if (node === 0) return 0;
    return this.intern(this.contextOf(this.trie.parent[node]), node, -1);
  }

  get size(): number {
    return this.parent.length;
  }
}
