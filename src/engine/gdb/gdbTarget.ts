// The GDB remote target over a recorded guest run (src/engine/session.ts): gdb's packets turned into
// Session requests, time travel included — reverse step (`bs`) and reverse continue (`bc`) are seeks,
// the way rr serves gdb. Registers are AS1 (x0..x31) plus the pc; memory is AS2; software breakpoints
// (Z0/Z1) are pc probes, watchpoints (Z2 write, Z3 read, Z4 access) are TracingMemory access probes.
// Watchpoint timing follows RISC-V (gdbarch have_nonsteppable_watchpoint = 1): the target stops *before*
// the accessing instruction and gdb steps over it itself, forward; backward, the stop is the state just
// *after* the access, so gdb's own reverse step over it lands before it. The run is a recording: writes
// (G, P, M, X) are refused with a message, and the end of the recording (or of the guest) is reported as
// `replaylog:end` (so reverse execution stays possible), with a console line saying how the guest ended.
// Invariants: no request throws (bad ones get `E..` replies); a resumption advances in bounded chunks so
// the server can answer an interrupt; the position only changes by resumptions and `monitor seek`.

import { EngineError } from '../errors';
import type { Session, StopResult } from '../session';
import { runMonitor } from './monitor';
import { fromHex, toHex, utf8Binary } from './rspPackets';
import { PC_REGNUM, TARGET_XML, xferChunk } from './targetXml';

const AS_MEMORY = 2;
const SIGINT = 0x02;
const SIGTRAP = 0x05;
const PACKET_SIZE = 0x4000;
const READ_ONLY = 'E.memscope replays a recording: registers and memory cannot be written';

export type WatchKind = 'write' | 'read' | 'access';
interface GdbWatch {
  kind: WatchKind;
  addr: number;
  len: number;
}

export interface Resume {
  direction: 'forward' | 'backward';
  mode: 'step' | 'continue';
}

/** What the server does with a packet: send `reply` (none for `k`), then maybe resume or close. */
export interface Handled {
  reply: string | null;
  resume?: Resume;
  close?: boolean;
  /** Switch to no-ack mode after this reply (QStartNoAckMode). */
  noAck?: boolean;
}

const hex = (n: number) => n.toString(16);
const le32 = (v: number) =>
  [0, 8, 16, 24].map((s) => ((v >>> s) & 0xff).toString(16).padStart(2, '0')).join('');

function parseHexNumber(s: string | undefined): number | null {
  if (s === undefined || !/^[0-9a-fA-F]{1,13}$/.test(s)) return null;
  return parseInt(s, 16);
}

export class GdbTarget {
  private readonly breakpoints = new Set<number>();
  private watchpoints: GdbWatch[] = [];
  private readonly memoryCells: number;

  constructor(readonly session: Session) {
    if (session.kind !== 'guest')
      throw new EngineError('request', 'gdbserver serves guest programs (ELF) only');
    const memory = session.opened.machine.memory;
    this.memoryCells = memory === null ? 0 : memory.space(AS_MEMORY).hostCells;
  }

  /** Forget the breakpoints and watchpoints of a previous client. */
  reset(): void {
    this.breakpoints.clear();
    this.watchpoints = [];
  }

  handle(packet: string): Handled {
    try {
      return this.dispatch(packet);
    } catch (e) {
      if (e instanceof EngineError) return { reply: `E.${e.message}` };
      throw e;
    }
  }

  private dispatch(p: string): Handled {
    const reply = (r: string): Handled => ({ reply: r });
    if (p === '?') return reply(this.stopReply(SIGTRAP));
    if (p.startsWith('qSupported'))
      return reply(
        `PacketSize=${hex(PACKET_SIZE)};qXfer:features:read+;QStartNoAckMode+;ReverseStep+;ReverseContinue+;vContSupported+`,
      );
    if (p === 'QStartNoAckMode') return { reply: 'OK', noAck: true };
    if (p.startsWith('qXfer:features:read:')) return reply(this.xfer(p.slice('qXfer:features:read:'.length)));
    if (p === 'g') return reply(this.registers());
    if (p[0] === 'p') {
      const n = parseHexNumber(p.slice(1));
      if (n === null) return reply('E01');
      return reply(n <= PC_REGNUM ? le32(this.register(n)) : 'E45');
    }
    if (p[0] === 'm' || p[0] === 'x') return reply(this.readMemory(p));
    if (p[0] === 'G' || p[0] === 'P' || p[0] === 'M' || p[0] === 'X') return reply(READ_ONLY);
    if (p[0] === 'Z' || p[0] === 'z') return reply(this.point(p));
    if (p === 'c' || p === 's' || p[0] === 'C' || p[0] === 'S' || /^[cs][0-9a-fA-F]+$/.test(p)) {
      const at = p[0] === 'C' || p[0] === 'S' ? p.split(';')[1] : p.slice(1);
      if (at !== undefined && at !== '' && parseHexNumber(at) !== this.register(PC_REGNUM))
        return reply('E.memscope replays a recording: it cannot resume at another address');
      return {
        reply: null,
        resume: { direction: 'forward', mode: p[0].toLowerCase() === 's' ? 'step' : 'continue' },
      };
    }
    if (p === 'bs') return { reply: null, resume: { direction: 'backward', mode: 'step' } };
    if (p === 'bc') return { reply: null, resume: { direction: 'backward', mode: 'continue' } };
    if (p === 'vCont?') return reply('vCont;c;C;s;S');
    if (p.startsWith('vCont;')) return this.vCont(p);
    if (p.startsWith('qRcmd,')) {
      const cmd = fromHex(p.slice(6));
      if (cmd === null) return reply('E01');
      return reply(toHex(utf8Binary(runMonitor(this.session, cmd))));
    }
    if (p[0] === 'H' || p[0] === 'T') return reply('OK');
    if (p === 'qC') return reply('QC1');
    if (p === 'qAttached' || p.startsWith('qAttached:')) return reply('1');
    if (p === 'qfThreadInfo') return reply('m1');
    if (p === 'qsThreadInfo') return reply('l');
    if (p === 'qSymbol::') return reply('OK');
    if (p[0] === 'D') return { reply: 'OK', close: true };
    if (p === 'k') return { reply: null, close: true };
    if (p.startsWith('vKill')) return { reply: 'OK', close: true };
    return reply(''); // unsupported: the empty reply
  }

  private xfer(args: string): string {
    const m = /^([^:]*):([0-9a-fA-F]+),([0-9a-fA-F]+)$/.exec(args);
    if (m === null) return 'E00';
    if (m[1] !== 'target.xml') return 'E00';
    return xferChunk(TARGET_XML, parseInt(m[2], 16), parseInt(m[3], 16));
  }

  private register(n: number): number {
    if (n === PC_REGNUM) return this.session.position().pc ?? 0;
    return this.session.registers()[n];
  }

  private registers(): string {
    const regs = this.session.registers();
    let out = '';
    for (let i = 0; i < 32; i++) out += le32(regs[i]);
    return out + le32(this.session.position().pc ?? 0);
  }

  private readMemory(p: string): string {
    const [a, l] = p.slice(1).split(',');
    const addr = parseHexNumber(a);
    const len = parseHexNumber(l);
    if (addr === null || len === null) return 'E01';
    const n = Math.min(len, Math.floor((PACKET_SIZE - 8) / 2), this.memoryCells - addr);
    if (addr >= this.memoryCells || n < 0) return 'E14';
    if (n === 0) return p[0] === 'x' ? 'b' : '';
    const values = this.session.memory(AS_MEMORY, addr, n).values;
    if (p[0] === 'x') return 'b' + String.fromCharCode(...values);
    let out = '';
    for (const v of values) out += (v & 0xff).toString(16).padStart(2, '0');
    return out;
  }

  private point(p: string): string {
    const insert = p[0] === 'Z';
    const [type, a, k] = p.slice(1).split(/[,;]/);
    const addr = parseHexNumber(a);
    const kind = parseHexNumber(k);
    if (addr === null || kind === null) return 'E01';
    if (type === '0' || type === '1') {
      if (insert) this.breakpoints.add(addr);
      else this.breakpoints.delete(addr);
      return 'OK';
    }
    const watchKind: WatchKind | undefined = ({ '2': 'write', '3': 'read', '4': 'access' } as const)[type];
    if (watchKind === undefined) return '';
    if (kind < 1 || addr + kind > this.memoryCells) return 'E22';
    const same = (w: GdbWatch) => w.kind === watchKind && w.addr === addr && w.len === kind;
    if (insert) {
      if (!this.watchpoints.some(same)) this.watchpoints.push({ kind: watchKind, addr, len: kind });
    } else this.watchpoints = this.watchpoints.filter((w) => !same(w));
    return 'OK';
  }

  private vCont(p: string): Handled {
    for (const action of p.split(';').slice(1)) {
      const [what, thread] = action.split(':');
      if (thread !== undefined && !['-1', '1', 'p1.1', 'p1.-1', '0'].includes(thread)) continue;
      const letter = what[0];
      if (letter === 'c' || letter === 'C')
        return { reply: null, resume: { direction: 'forward', mode: 'continue' } };
      if (letter === 's' || letter === 'S')
        return { reply: null, resume: { direction: 'forward', mode: 'step' } };
      return { reply: 'E.memscope: unsupported vCont action' };
    }
    return { reply: 'E.memscope: vCont names no thread of this target' };
  }

  // ---------- stops ----------

  stopReply(signal: number, extra = ''): string {
    return `T${signal.toString(16).padStart(2, '0')}${extra}thread:1;`;
  }

  /** The stop reply for an interrupt (Ctrl-C) between chunks of a resumption. */
  interrupted(): string[] {
    return [this.stopReply(SIGINT)];
  }

  private endReplies(): string[] {
    const info = this.session.info();
    const end = info.end;
    let text = 'memscope: end of the recording';
    if (end !== null) {
      const run = this.session.opened.kind === 'guest' ? this.session.opened.machine.interpreter : null;
      if (end.status === 'done')
        text = `memscope: the guest terminated with exit code ${run?.exitCode ?? 0} at timestamp ${end.timestamp}`;
      else if (end.status === 'error')
        text = `memscope: the guest failed at timestamp ${end.timestamp}: ${end.error?.message ?? 'error'}`;
      else text = `memscope: the step limit ended the run at timestamp ${end.timestamp}`;
    }
    return [
      `O${toHex(utf8Binary(`${text} (reverse execution still works)\n`))}`,
      this.stopReply(SIGTRAP, 'replaylog:end;'),
    ];
  }

  private beginReplies(): string[] {
    return [this.stopReply(SIGTRAP, 'replaylog:begin;')];
  }

  private watchReply(w: GdbWatch, pointer: number): string {
    const key = w.kind === 'write' ? 'watch' : w.kind === 'read' ? 'rwatch' : 'awatch';
    return this.stopReply(SIGTRAP, `${key}:${hex(Math.max(pointer, w.addr))};`);
  }

  /** The gdb watchpoint an access matches, if any. */
  private matching(pointer: number, size: number, write: boolean): GdbWatch | null {
    for (const w of this.watchpoints) {
      if (pointer >= w.addr + w.len || pointer + size <= w.addr) continue;
      if (w.kind === 'access' || (w.kind === 'write') === write) return w;
    }
    return null;
  }

  /** A watched access performed by the instruction about to execute, if any (reported before it runs). */
  private currentInstructionHit(): string | null {
    if (this.watchpoints.length === 0) return null;
    const s = this.session;
    const before = s.position();
    const after = s.step(1);
    if (after.step === before.step) return null;
    s.stepBack(1);
    const w = s.window(before.timestamp, after.timestamp - 1);
    const a = w.accesses;
    for (let i = 0; i < a.count; i++) {
      if (a.addressSpace[i] !== AS_MEMORY) continue;
      const hit = this.matching(a.pointer[i], a.size[i], a.write[i] === 1);
      if (hit !== null) return this.watchReply(hit, a.pointer[i]);
    }
    return null;
  }

  private atEnd(): boolean {
    const end = this.session.info().end;
    return end !== null && this.session.position().step === end.step;
  }

  /**
   * Carries a resumption on for at most `budget` steps. Returns the packets to send when it stopped (console
   * output first, the stop reply last), or null when it should be called again (the server checks for an
   * interrupt in between). `first` is true for the first call of a resumption.
   */
  resume(r: Resume, first: boolean, budget: number): string[] | null {
    const s = this.session;
    if (r.direction === 'backward') {
      if (s.position().step === 0) return this.beginReplies();
      if (r.mode === 'step') {
        s.stepBack(1);
        return [this.stopReply(SIGTRAP)];
      }
      return this.reverseContinue();
    }
    if (this.atEnd()) return this.endReplies();
    const watched = this.currentInstructionHit();
    if (watched !== null) return [watched];
    if (r.mode === 'step') {
      s.step(1);
      return [this.stopReply(SIGTRAP)];
    }
    // A chunk after the first starts at an instruction nobody checked for a breakpoint yet.
    if (!first && this.breakpoints.has(s.position().pc ?? -1)) return [this.stopReply(SIGTRAP)];
    const stop = s.run({
      breakpoints: [...this.breakpoints].map((pc) => ({ pc })),
      watchpoints: this.sessionWatches(),
      maxSteps: budget,
    });
    return this.forwardStop(stop);
  }

  private sessionWatches() {
    return this.watchpoints.map((w) => ({
      addressSpace: AS_MEMORY,
      addr: w.addr,
      len: w.len,
      writesOnly: w.kind === 'write',
    }));
  }

  private forwardStop(stop: StopResult): string[] | null {
    if (stop.reason === 'breakpoint') return [this.stopReply(SIGTRAP)];
    if (stop.reason === 'watchpoint' && stop.hit !== undefined) {
      const w = this.matching(stop.hit.pointer ?? 0, stop.hit.size ?? 0, stop.hit.write === true);
      return w === null ? null : [this.watchReply(w, stop.hit.pointer ?? 0)]; // a write seen by a read watchpoint: go on
    }
    if (stop.reason === 'end' || this.atEnd()) return this.endReplies();
    return null; // budget
  }

  private reverseContinue(): string[] {
    const s = this.session;
    for (;;) {
      const stop = s.run({
        direction: 'backward',
        breakpoints: [...this.breakpoints].map((pc) => ({ pc })),
        watchpoints: this.sessionWatches(),
      });
      if (stop.reason === 'breakpoint') return [this.stopReply(SIGTRAP)];
      if (stop.reason === 'watchpoint' && stop.hit !== undefined) {
        const w = this.matching(stop.hit.pointer ?? 0, stop.hit.size ?? 0, stop.hit.write === true);
        if (w === null) continue; // not the kind of access watched: search on, further back
        s.seekStep(s.position().step + 1); // just after the access: gdb steps back over it
        return [this.watchReply(w, stop.hit.pointer ?? 0)];
      }
      if (s.position().step !== 0) s.seekStep(0);
      return this.beginReplies();
    }
  }
}
