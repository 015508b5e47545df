// Call stacks of a guest run from its return-address linkage, for cost attribution: a JAL/JALR that links
// (rd = ra or t0, the RISC-V calling convention's link registers) is a call, a JALR x0 through ra/t0 a
// return; an instruction in another function without either is a tail call or a jump (the top frame is
// replaced). Frames are ELF function symbols (demangled), else the nearest symbol below, else "[no symbol]". Inlined frames are folded
// into the function they were inlined into (the pprof profile adds them back as lines from DWARF:
// metering/profiles/pprofProfile.ts).
// Invariants: node 0 is the root (no function); a node's identity is (parent, function); depth is capped at
// MAX_DEPTH (deeper recursion stays in the frame at the cap).

import type { GuestProgram } from '../../guest/program/guestProgram';
import { OP_JAL, OP_JALR } from '../../guest/isa/opcodes';

export const MAX_DEPTH = 512;
export const CALL = 1;
export const RETURN = 2;
const LINK_RA = 4; // x1 as an AS1 pointer (decoder: 4 * reg)
const LINK_T0 = 20; // x5

/** The nearest symbol at or below pc that is not an assembler-local label (.L…), for code outside functions. */
function nearestLabel(program: GuestProgram, pc: number): string {
  let addr = pc;
  for (let tries = 0; tries < 64 && addr >= 0; tries++) {
    const hit = program.symbols.lookup(addr);
    if (hit === undefined) break;
    if (!hit.symbol.name.startsWith('.L')) return hit.symbol.displayName;
    addr = hit.symbol.address - 1;
  }
  return '[no symbol]';
}

export class FunctionTable {
  readonly names: string[] = [];
  /** Function id per instruction index of the program. */
  readonly funcOf: Int32Array;
  /** CALL / RETURN / 0 per instruction index. */
  readonly linkKind: Uint8Array;

  constructor(program: GuestProgram) {
    const { code, pcBase } = program.decoded;
    this.funcOf = new Int32Array(code.length);
    this.linkKind = new Uint8Array(code.length);
    const ids = new Map<string, number>();
    for (let i = 0; i < code.length; i++) {
      const pc = pcBase + 4 * i;
      const hit = program.symbols.functionAt(pc);
      const name = hit === undefined ? nearestLabel(program, pc) : hit.symbol.displayName;
      let id = ids.get(name);
      if (id === undefined) {
        id = this.names.length;
        this.names.push(name);
        ids.set(name, id);
      }
      this.funcOf[i] = id;
      const c = code[i];
      const op = c & 0xff;
      const rd = (c >>> 8) & 0xff;
      const rs1 = (c >>> 16) & 0xff;
      if ((op === OP_JAL || op === OP_JALR) && (rd === LINK_RA || rd === LINK_T0)) this.linkKind[i] = CALL;
      else if (op === OP_JALR && rd === 0 && (rs1 === LINK_RA || rs1 === LINK_T0)) this.linkKind[i] = RETURN;
    }
  }
}

export class StackTrie {
  parent: Int32Array = new Int32Array(256);
  func: Int32Array = new Int32Array(256);
  depth: Int32Array = new Int32Array(256);
  size = 1;
  private readonly children = new Map<number, number>();

  constructor(readonly functionCount: number) {
    this.parent[0] = -1;
    this.func[0] = -1;
  }

  /** The child of `node` for function `f` (created on first use). */
  child(node: number, f: number): number {
    if (this.depth[node] >= MAX_DEPTH) return node;
    const key = node * (this.functionCount + 1) + f;
    let id = this.children.get(key);
    if (id !== undefined) return id;
    id = this.size++;
    if (id === this.parent.length) this.grow();
    this.parent[id] = node;
    this.func[id] = f;
    this.depth[id] = this.depth[node] + 1;
    this.children.set(key, id);
    return id;
  }

  private grow(): void {
    const n = this.parent.length * 2;
    const g = (a: Int32Array) => {
      const b = new Int32Array(n);
      b.set(a);
      return b;
    };
    this.parent = g(this.parent);
    this.func = g(this.func);
    this.depth = g(this.depth);
  }

  /** Function names from the outermost frame to `node`. */
  path(node: number, names: readonly string[]): string[] {
    const out: string[] = [];
    for (let n = node; n > 0; n = this.parent[n]) out.push(names[this.func[n]]);
    return out.reverse();
  }
}

/** The walker's state between instructions (saved at every segment check, restored for a replay). */
export interface StackCursor {
  node: number;
  pending: number;
}

/** Moves the cursor to the frame of instruction `idx` (called before it executes). */
export function enterInstruction(
  trie: StackTrie,
  table: FunctionTable,
  cur: StackCursor,
  idx: number,
): number {
  const f = table.funcOf[idx];
  let node = cur.node;
  if (cur.pending === CALL) node = trie.child(node, f);
  else {
    if (cur.pending === RETURN && node > 0) node = trie.parent[node];
    if (trie.func[node] !== f) node = trie.child(node > 0 ? trie.parent[node] : 0, f);
  }
  cur.node = node;
  cur.pending = table.linkKind[idx];
  return node;
}
