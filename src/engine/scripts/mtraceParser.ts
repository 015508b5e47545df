// Parser of .mtrace scripts, exactly as shared/spec/mtrace-format.md. Validates everything statically —
// including the 29-bit timestamp, which is known before running (1 + accesses + ticks) — and stops at the
// first invalid line. Scans the text by char codes: a generated script has a million lines.

import { BABYBEAR_P } from '../memory/babybear';
import { defaultMemoryConfig, MAX_TIMESTAMP, type MemoryMode } from '../memory/config';
import { exactDecimal, parseNumberAt } from './numberToken';
import {
  type MtraceInit,
  type MtraceProgram,
  OP_FINALIZE,
  OP_READ,
  OP_TICK,
  OP_WRITE,
} from './mtraceProgram';

const CONFIG = defaultMemoryConfig();

class LineError extends Error {}

class ProgramBuilder {
  count = 0;
  op = new Uint8Array(1024);
  line = new Uint32Array(1024);
  addressSpace = new Uint8Array(1024);
  pointer = new Uint32Array(1024);
  size = new Uint8Array(1024);
  valueStart = new Uint32Array(1024);
  values = new Uint32Array(4096);
  valueCount = 0;

  push(op: number, line: number, as: number, ptr: number, size: number): void {
    if (this.count === this.op.length) {
      const grow = <T extends Uint8Array | Uint32Array>(a: T): T => {
        const b = new (a.constructor as new (n: number) => T)(a.length * 2);
        b.set(a);
        return b;
      };
      this.op = grow(this.op);
      this.line = grow(this.line);
      this.addressSpace = grow(this.addressSpace);
      this.pointer = grow(this.pointer);
      this.size = grow(this.size);
      this.valueStart = grow(this.valueStart);
    }
    const i = this.count++;
    this.op[i] = op;
    this.line[i] = line;
    this.addressSpace[i] = as;
    this.pointer[i] = ptr;
    this.size[i] = size;
    this.valueStart[i] = this.valueCount;
  }

  pushValue(v: number): void {
    if (this.valueCount === this.values.length) {
      const b = new Uint32Array(this.values.length * 2);
      b.set(this.values);
      this.values = b;
    }
    this.values[this.valueCount++] = v;
  }
}

export function parseMtrace(text: string): MtraceProgram {
  const b = new ProgramBuilder();
  const inits: MtraceInit[] = [];
  let mode: MemoryMode = 'persistent';
  let sawMode = false;
  let sawAccess = false; // a read, write or tick
  let finalized = false;
  let timestamp = 1;
  let reads = 0;
  let writes = 0;
  // Token boundaries of the current line.
  let starts = new Int32Array(64);
  let ends = new Int32Array(64);
  let n = 0;
  let lineNo = 0;
  let pos = 0;
  const len = text.length;

  const token = (k: number) => text.slice(starts[k], ends[k]);
  const num = (k: number): number => {
    const v = parseNumberAt(text, starts[k], ends[k]);
    if (Number.isNaN(v)) throw new LineError(`invalid number \`${token(k)}\``);
    return v;
  };
  const shown = (k: number, v: number) => (v > Number.MAX_SAFE_INTEGER ? exactDecimal(token(k)) : String(v));
  const space = (k: number) => {
    const as = num(k);
    if (as < 1 || as > 4)
      throw new LineError(`address space ${shown(k, as)} out of range (accessible: 1, 2, 3, 4)`);
    return CONFIG.addressSpaces[as];
  };
  const checkCells = (as: number, cells: number, ptr: number, count: number, pk: number) => {
    if (ptr + count > cells) {
      throw new LineError(
        `cells ${shown(pk, ptr)}..${shown(pk, ptr + count)} out of range for address space ${as} (${cells} cells)`,
      );
    }
  };
  const maxValue = (as: number) => (CONFIG.addressSpaces[as].cellType === 'native' ? BABYBEAR_P - 1 : 255);
  const value = (k: number, as: number) => {
    const v = num(k);
    const max = maxValue(as);
    if (v > max)
      throw new LineError(`value ${shown(k, v)} out of range for address space ${as} (max ${max})`);
    return v;
  };
  const argCount = (name: string, want: string, min: number, max: number) => {
    const given = n - 1;
    if (given < min || given > max) throw new LineError(`\`${name}\` takes ${want}, ${given} given`);
  };
  const beforeAccess = (name: string) => {
    if (sawAccess) throw new LineError(`\`${name}\` after the first read/write/tick`);
  };

  const parseLine = () => {
    const name = token(0);
    if (finalized) throw new LineError('directive after finalize');
    switch (name) {
      case 'read':
      case 'write': {
        const isWrite = name === 'write';
        if (isWrite) argCount(name, 'AS PTR SIZE and SIZE values', 3, Infinity);
        else argCount(name, '3 arguments (AS PTR SIZE)', 3, 3);
        const cfg = space(1);
        const ptr = num(2);
        const size = num(3);
        const align = cfg.minBlockSize;
        if (size === 0 || size > 32 || (size & (size - 1)) !== 0 || size % align !== 0) {
          throw new LineError(
            `bad size ${shown(3, size)}: must be a power of two, a multiple of ${align} and <= 32 in address space ${cfg.index}`,
          );
        }
        if (ptr % align !== 0)
          throw new LineError(
            `pointer ${shown(2, ptr)} not aligned to min_block_size ${align} of address space ${cfg.index}`,
          );
        checkCells(cfg.index, cfg.numCells, ptr, size, 2);
        if (isWrite && n - 4 !== size)
          throw new LineError(`write of size ${size} needs ${size} values, ${n - 4} given`);
        const valueStart = b.valueCount;
        if (isWrite) for (let k = 4; k < n; k++) b.pushValue(value(k, cfg.index));
        if (timestamp > MAX_TIMESTAMP) throw new LineError(`access at timestamp ${timestamp} >= 2^29`);
        b.push(isWrite ? OP_WRITE : OP_READ, lineNo, cfg.index, ptr, size);
        b.valueStart[b.count - 1] = valueStart;
        timestamp++;
        if (isWrite) writes++;
        else reads++;
        sawAccess = true;
        return;
      }
      case 'tick': {
        argCount(name, '1 argument (N)', 1, 1);
        const amount = num(1);
        if (amount > 0xffffffff) throw new LineError(`tick amount ${shown(1, amount)} out of range`);
        if (timestamp + amount > MAX_TIMESTAMP)
          throw new LineError(`tick ${amount} would move the timestamp from ${timestamp} past 2^29-1`);
        b.push(OP_TICK, lineNo, 0, amount, 0);
        timestamp += amount;
        sawAccess = true;
        return;
      }
      case 'finalize':
        argCount(name, 'no arguments', 0, 0);
        b.push(OP_FINALIZE, lineNo, 0, 0, 0);
        finalized = true;
        return;
      case 'mode': {
        argCount(name, '1 argument (persistent or volatile)', 1, 1);
        if (sawMode) throw new LineError('second `mode` directive');
        beforeAccess(name);
        const m = token(1);
        if (m !== 'persistent' && m !== 'volatile')
          throw new LineError(`unknown mode \`${m}\` (persistent or volatile)`);
        mode = m;
        sawMode = true;
        return;
      }
      case 'init': {
        argCount(name, 'AS PTR and at least one value', 3, Infinity);
        beforeAccess(name);
        const cfg = space(1);
        const ptr = num(2);
        checkCells(cfg.index, cfg.numCells, ptr, n - 3, 2);
        const values: number[] = [];
        for (let k = 3; k < n; k++) values.push(value(k, cfg.index));
        inits.push({ line: lineNo, addressSpace: cfg.index, pointer: ptr, values });
        return;
      }
      default:
        throw new LineError(`unknown directive \`${name}\``);
    }
  };

  let error: MtraceProgram['error'];
  let nextHash = text.indexOf('#');
  while (pos <= len && error === undefined) {
    lineNo++;
    let eol = text.indexOf('\n', pos);
    if (eol < 0) eol = len;
    let end = eol;
    if (end > pos && text.charCodeAt(end - 1) === 13) end--; // one trailing \r
    // The next `#` is searched once and reused until passed: searching from every line would rescan the
    // rest of the text each time (quadratic on a million-line script without comments).
    if (nextHash !== -1 && nextHash < pos) nextHash = text.indexOf('#', pos);
    if (nextHash !== -1 && nextHash < end) end = nextHash;
    n = 0;
    let i = pos;
    while (i < end) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9) {
        i++;
        continue;
      }
      const s = i;
      while (i < end) {
        const d = text.charCodeAt(i);
        if (d === 32 || d === 9) break;
        i++;
      }
      if (n === starts.length) {
        const ns = new Int32Array(n * 2);
        ns.set(starts);
        starts = ns;
        const ne = new Int32Array(n * 2);
        ne.set(ends);
        ends = ne;
      }
      starts[n] = s;
      ends[n] = i;
      n++;
    }
    if (n > 0) {
      try {
        parseLine();
      } catch (e) {
        if (!(e instanceof LineError)) throw e;
        error = { line: lineNo, message: e.message };
      }
    }
    pos = eol + 1;
    if (eol === len) break;
  }
  return {
    mode,
    inits,
    count: b.count,
    op: b.op,
    line: b.line,
    addressSpace: b.addressSpace,
    pointer: b.pointer,
    size: b.size,
    valueStart: b.valueStart,
    values: b.values,
    reads,
    writes,
    error,
  };
}
