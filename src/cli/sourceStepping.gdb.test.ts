// memscope's own source-level moves (Session.stepSource, Session.callStack: DWARF line table, inlined
// frames, .debug_frame unwinding) against gdb-multiarch's step / next / reverse-next / bt on the same
// recorded runs (gdb talks to memscope gdbserver and reads the DWARF itself, with its own algorithms).
// Missing gdb-multiarch fails under CI=true and skips with a message otherwise.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GdbTarget } from '../engine/gdb/gdbTarget';
import { EXAMPLES, hasTool } from '../engine/guest/fixtures.testutil';
import { Session } from '../engine/session';
import { debugInfoOf } from '../engine/guest/debuginfo/dwarf/debugInfo';
import { GdbServer } from './gdbserver';
import { gdb } from './gdb.testutil';

const hasGdb = hasTool('gdb-multiarch');
const mustRun = hasGdb || process.env.CI === 'true';

async function withServer<T>(elf: string, fn: (port: number) => Promise<T>): Promise<T> {
  const server = new GdbServer(new GdbTarget(Session.open('guest', new Uint8Array(readFileSync(elf)))), {
    port: 0,
  });
  try {
    return await fn(await server.listen());
  } finally {
    await server.close();
  }
}

/** The line gdb reports after each command (the last `N\\t...` source line printed), commands split by markers. */
function linesPerCommand(out: string, marker: string): (number | null)[] {
  return out
    .split(marker)
    .slice(1)
    .map((chunk) => {
      const all = [...chunk.matchAll(/^(\d+)\t/gm)];
      return all.length === 0 ? null : Number(all[all.length - 1][1]);
    });
}

const MARK = '@@memscope@@';

describe.runIf(mustRun)('source-level moves agree with gdb-multiarch', () => {
  for (const [name, how, gdbCommand, count] of [
    ['debug_loop.elf', 'into', 'step', 24],
    ['debug_loop.elf', 'over', 'next', 24],
    // gdb then stops at the call site of the inlined triangle() before entering it (a virtual stop that
    // executes nothing); memscope goes straight into the inlined body: compared up to there.
    ['debug_calls.elf', 'into', 'step', 11],
    ['debug_calls.elf', 'over', 'next', 9],
  ] as const) {
    it(`${name}: ${count} x ${gdbCommand} from main = Session.stepSource('${how}')`, async () => {
      const elf = path.join(EXAMPLES, name);
      const cmds = ['break main', 'continue', 'delete', `echo ${MARK}\\n`];
      for (let i = 0; i < count; i++) cmds.push(gdbCommand, `echo ${MARK}\\n`);
      const out = await withServer(elf, (port) => gdb(port, cmds, elf));
      const want = linesPerCommand(out, MARK).slice(0, count);
      const s = Session.open('guest', new Uint8Array(readFileSync(elf)));
      const main = s.opened.kind === 'guest' ? s.opened.machine.program.symbols.get('main')!.address : 0;
      s.run({ breakpoints: [{ pc: main }] });
      const debug = debugInfoOf(s.opened.kind === 'guest' ? s.opened.machine.program : (null as never));
      const range = debug.functionRangeAt(main)!;
      s.run({ breakpoints: [{ pc: debug.lines.afterPrologue(range[0], range[1]) }] });
      const got: (number | null)[] = [];
      for (let i = 0; i < count; i++) {
        const p = s.stepSource(how);
        got.push(debug.presentedLine(p.pc!)?.line ?? null);
      }
      expect(got, out).toEqual(want);
    }, 60_000);
  }

  it("debug_calls.elf: the call stack (inlined frames, .debug_frame unwinding) is gdb's bt", async () => {
    const elf = path.join(EXAMPLES, 'debug_calls.elf');
    const stops = ['malloc', 'debug_calls.c:15', 'walk', 'free'];
    const cmds: string[] = [];
    for (const at of stops) cmds.push(`tbreak ${at}`, 'continue', `echo ${MARK}\\n`, 'bt', `echo ${MARK}\\n`);
    const out = await withServer(elf, (port) => gdb(port, cmds, elf));
    const chunks = out.split(MARK).slice(1);
    const s = Session.open('guest', new Uint8Array(readFileSync(elf)));
    const program = s.opened.kind === 'guest' ? s.opened.machine.program : (null as never);
    const debug = debugInfoOf(program);
    const afterPrologue = (pc: number) => {
      const r = debug.functionRangeAt(pc);
      return r !== null && r[0] === pc ? debug.lines.afterPrologue(r[0], r[1]) : pc;
    };
    const bps = [
      [afterPrologue(program.symbols.get('malloc')!.address)],
      debug.lines.addressesOf('debug_calls.c', 15),
      [afterPrologue(program.symbols.get('walk')!.address)],
      [afterPrologue(program.symbols.get('free')!.address)],
    ];
    let compared = 0;
    for (let i = 0; i < stops.length; i++) {
      const bt = chunks[2 * i];
      const want = [...bt.matchAll(/^#\d+\s+(?:0x[0-9a-f]+ in )?(\S+) \(.*\) at (\S+):(\d+)$/gm)].map(
        (m) => `${m[1]} ${m[2].replace(/^\.\//, '')}:${m[3]}`,
      );
      expect(want.length, bt).toBeGreaterThanOrEqual(2);
      s.run({ breakpoints: bps[i].map((pc) => ({ pc })) });
      const stack = s.callStack();
      const main = stack.findIndex((f) => f.function === 'main');
      const got = stack.slice(0, main + 1).map((f) => `${f.function} ${f.file}:${f.line}`); // gdb stops at main
      expect(got, `${stops[i]}\n${bt}`).toEqual(want);
      compared += got.length;
    }
    expect(compared).toBeGreaterThanOrEqual(10);
    expect(out).toMatch(/#0 {2}triangle \(n=1\) at examples\/guests\/debug_calls\.c:15\n#1 {2}push /); // an inlined frame
  }, 60_000);
});
if (!mustRun) console.warn('skipping the gdb comparison of source moves: gdb-multiarch is not installed');
