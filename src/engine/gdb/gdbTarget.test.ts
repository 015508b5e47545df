// The GDB target over a real recorded run of debug_loop.elf, packet by packet as gdb sends them:
// registers and memory against the session and the ELF, breakpoints (also across chunk boundaries),
// watchpoints stopping before the store that writes the watched word (checked by decoding that store),
// gdb's step-over, reverse continue landing just after the previous write, the replay log's two ends,
// monitor commands, refused writes, and malformed packets that get error replies instead of exceptions.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { TIME_ADDRESS_HELP } from '../timeline/timeAddress';
import { describe, expect, it } from 'vitest';
import { immS } from '../guest/isa/decoder';
import { EXAMPLES } from '../guest/fixtures.testutil';
import { loadGuestProgram } from '../guest/program/guestProgram';
import { Random } from '../random';
import { Session } from '../session';
import { GdbTarget, type Resume } from './gdbTarget';
import { fromHex, toHex } from './rspPackets';

const bytes = new Uint8Array(readFileSync(path.join(EXAMPLES, 'debug_loop.elf')));
const program = loadGuestProgram(bytes);
const MAIN = program.symbols.get('main')!.address;

function setup(chunk = 1 << 18) {
  const session = Session.open('guest', bytes, { checkpointInterval: 64 });
  const target = new GdbTarget(session);
  /** Sends one packet; resumptions are carried to their stop like the server does (in chunks). */
  const send = (p: string): string[] => {
    const h = target.handle(p);
    if (h.resume === undefined) return h.reply === null ? [] : [h.reply];
    for (let first = true; ; first = false) {
      const out = target.resume(h.resume as Resume, first, chunk);
      if (out !== null) return out;
    }
  };
  const one = (p: string) => {
    const r = send(p);
    expect(r.length, p).toBe(1);
    return r[0];
  };
  const pc = () => parseInt(one('p20').match(/../g)!.reverse().join(''), 16);
  const reg = (n: number) =>
    parseInt(
      one(`p${n.toString(16)}`)
        .match(/../g)!
        .reverse()
        .join(''),
      16,
    );
  return { session, target, send, one, pc, reg };
}

/** The address an S-type store at `at` writes, from the current registers. */
function storeAddress(t: ReturnType<typeof setup>, at: number): number | null {
  const word = program.elf.instructions[(at - program.elf.pcBase) / 4];
  if ((word & 0x7f) !== 0x23) return null;
  return (t.reg((word >>> 15) & 0x1f) + immS(word)) >>> 0;
}

describe('GdbTarget (debug_loop.elf)', () => {
  it('announces reverse execution, describes rv32, and reads registers and AS2 memory', () => {
    const t = setup();
    expect(t.one('qSupported:multiprocess+;swbreak+')).toMatch(/ReverseStep\+;ReverseContinue\+/);
    const xml = t.one('qXfer:features:read:target.xml:0,ffff');
    expect(xml.startsWith('l')).toBe(true);
    expect(xml).toContain('<architecture>riscv:rv32</architecture>');
    expect(t.one('qXfer:features:read:target.xml:0,10')).toMatch(/^m.{16}$/s);
    const g = t.one('g');
    expect(g).toMatch(/^[0-9a-f]{264}$/); // 33 registers of 32 bits
    expect(t.pc()).toBe(program.elf.entry);
    const text = t.one(`m${program.elf.entry.toString(16)},8`);
    const want = Array.from(bytes.subarray(0x800, 0x808), (b) => b.toString(16).padStart(2, '0')).join('');
    expect(text).toBe(want); // .text is at file offset 0x800 (runtime/link.ld)
    expect(t.one(`x${program.elf.entry.toString(16)},8`)).toBe(
      'b' + String.fromCharCode(...bytes.subarray(0x800, 0x808)),
    );
    expect(t.one('m1fffffff,10')).toMatch(/^[0-9a-f]{2}$/); // clipped at the end of AS2
    expect(t.one('mffffffff,4')).toBe('E14');
  });

  it('refuses writes with a message, and answers malformed packets with errors', () => {
    const t = setup();
    for (const p of ['G00', 'P1=00000000', 'M200800,4:00000000', 'X200800,0:'])
      expect(t.one(p)).toBe('E.memscope replays a recording: registers and memory cannot be written');
    expect(t.one('mzz,4')).toBe('E01');
    expect(t.one('pzz')).toBe('E01');
    expect(t.one('p99')).toBe('E45');
    expect(t.one('Z2,zz,4')).toBe('E01');
    expect(t.one('Z2,1fffffff,8')).toBe('E22');
    expect(t.one('qXfer:features:read:other.xml:0,10')).toBe('E00');
    expect(t.one('qRcmd,zz')).toBe('E01');
    expect(t.one('vCont;c:7')).toMatch(/^E\./);
    expect(t.one('c1234')).toMatch(/^E\.memscope replays a recording/);
    expect(t.one('qUnknownThing')).toBe('');
    const rnd = new Random(5);
    const alphabet = 'mMxXgGpPzZcsbvqQH?;:,0123456789abcdef$#}*';
    for (let n = 0; n < 3000; n++) {
      const p = Array.from({ length: 1 + rnd.below(24) }, () => alphabet[rnd.below(alphabet.length)]).join(
        '',
      );
      const h = t.target.handle(p); // must not throw
      if (h.resume !== undefined) t.target.resume(h.resume, true, 64);
    }
  });

  it('breakpoints stop at their pc, also when a continue runs in many small chunks', () => {
    for (const chunk of [1 << 18, 3]) {
      const t = setup(chunk);
      expect(t.one(`Z0,${MAIN.toString(16)},4`)).toBe('OK');
      expect(t.one('vCont;c')).toBe('T05thread:1;');
      expect(t.pc()).toBe(MAIN);
      expect(t.one(`z0,${MAIN.toString(16)},4`)).toBe('OK');
    }
  });

  it('a write watchpoint stops before the store, gdb steps over it, reverse continue lands after the previous write', () => {
    const t = setup();
    t.one(`Z0,${MAIN.toString(16)},4`);
    t.one('c');
    t.one(`z0,${MAIN.toString(16)},4`);
    // Watch main's frame (48 bytes below sp at its entry): the first writes save registers, fill the array.
    const sp = t.reg(2) - 0x30;
    t.one(`Z2,${sp.toString(16)},30`);
    const stops: { pc: number; addr: number; step: number }[] = [];
    for (let k = 0; k < 4; k++) {
      const reply = t.one('c');
      const m = /^T05watch:([0-9a-f]+);thread:1;$/.exec(reply);
      expect(m, reply).not.toBeNull();
      const addr = parseInt(m![1], 16);
      const at = t.pc();
      const target = storeAddress(t, at);
      expect(target, `a store at 0x${at.toString(16)}`).not.toBeNull();
      expect(addr).toBeGreaterThanOrEqual(sp);
      expect(addr).toBeLessThan(sp + 0x30);
      expect(target! <= addr && addr < target! + 4).toBe(true);
      stops.push({ pc: at, addr, step: t.session.position().step });
      // gdb's step over a nonsteppable watchpoint: remove, single-step, insert
      t.one(`z2,${sp.toString(16)},30`);
      expect(t.one('s')).toBe('T05thread:1;');
      expect(t.session.position().step).toBe(stops[k].step + 1);
      t.one(`Z2,${sp.toString(16)},30`);
    }
    // Backward: the latest write before here is the last store; the stop is just after it.
    expect(t.one('bc')).toMatch(/^T05watch:/);
    expect(t.session.position().step).toBe(stops[3].step + 1);
    t.one(`z2,${sp.toString(16)},30`);
    expect(t.one('bs')).toBe('T05thread:1;');
    expect(t.pc()).toBe(stops[3].pc);
    t.one(`Z2,${sp.toString(16)},30`);
    expect(t.one('bc')).toMatch(/^T05watch:/);
    expect(t.session.position().step).toBe(stops[2].step + 1);
    // Forward again from just after a write: the next write is stops[3]'s store.
    t.one(`z2,${sp.toString(16)},30`);
    t.one('bs');
    t.one(`Z2,${sp.toString(16)},30`);
    expect(t.one('c')).toMatch(/^T05watch:/); // the store about to execute counts
    expect(t.session.position().step).toBe(stops[2].step);
  });

  it('the ends of the replay log: replaylog:end with how the guest ended, replaylog:begin at step 0', () => {
    const t = setup();
    const end = t.send('c');
    expect(end.length).toBe(2);
    expect(fromHex(end[0].slice(1))).toMatch(
      /^memscope: the guest terminated with exit code 0 at timestamp \d+ \(reverse execution still works\)\n$/,
    );
    expect(end[1]).toBe('T05replaylog:end;thread:1;');
    expect(t.send('s')).toEqual(end);
    expect(t.one('bc')).toBe('T05replaylog:begin;thread:1;');
    expect(t.session.position().step).toBe(0);
    expect(t.one('bs')).toBe('T05replaylog:begin;thread:1;');
  });

  it('monitor commands: timestamp, seek, block, adapters', () => {
    const t = setup();
    const monitor = (cmd: string) => fromHex(t.one(`qRcmd,${toHex(cmd)}`))!;
    expect(monitor('timestamp')).toMatch(
      /^timestamp 1, step 0, pc 0x200800; recorded up to timestamp 1 so far\n$/,
    );
    t.one(`Z0,${MAIN.toString(16)},4`);
    t.one('c');
    t.one(`z0,${MAIN.toString(16)},4`);
    const ra = t.reg(2) - 4; // main's prologue saves ra there
    expect(monitor('seek 300')).toMatch(/^timestamp (\d+), step \d+, pc 0x[0-9a-f]+; /);
    expect(t.session.position().timestamp).toBeLessThanOrEqual(300);
    expect(monitor('block 0x100')).toMatch(/never accessed: no block yet/);
    const block = monitor(`block 0x${ra.toString(16)}`);
    expect(block).toMatch(/^AS2 0x[0-9a-f]+: unit 0x[0-9a-f]+ \(4 cells\), metadata word 0x[0-9a-f]+/);
    expect(block).toMatch(/last access: (read|write) of \d+ cells at 0x[0-9a-f]+, timestamp \d+, t_prev \d+/);
    expect(monitor('adapters')).toMatch(/AccessAdapterAir<8>: \d+ rows \(padded \d+\)/);
    expect(monitor('seek x')).toBe(`usage: monitor seek ${TIME_ADDRESS_HELP}\n`);
    expect(monitor('seek 99999999')).toMatch(/^error: seek past the end/);
    expect(monitor('frobnicate')).toMatch(/^unknown monitor command `frobnicate`/);
  });
});
