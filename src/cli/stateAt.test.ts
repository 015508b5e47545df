// `run|alloc|exec ... --at T [--dump AS:ADDR:LEN]...`: the state printed after recording the whole run and
// seeking back to T equals a fresh run that simply stopped at T (step, full-state hash, registers, dumped
// cells), and the access at T carries exactly the records of OpenVM's own JSON Lines for it.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HEADER_MAGIC } from '../engine/alloc/orthotope/arena/header';
import { loadGuestProgram } from '../engine/guest/program/guestProgram';
import { parseInput } from '../engine/guest/io/input';
import { parseAllocTrace } from '../engine/scripts/allocTrace';
import { generateMtrace } from '../engine/scripts/mtraceGenerator';
import { parseMtrace } from '../engine/scripts/mtraceParser';
import { runMtrace } from '../engine/scripts/mtraceRunner';
import { AllocMachine } from '../engine/timeline/machines/allocMachine';
import { GuestMachine } from '../engine/timeline/machines/guestMachine';
import { MtraceMachine } from '../engine/timeline/machines/mtraceMachine';
import { EXAMPLES, needs, SHARED_GUESTS, sharedGuests } from '../engine/guest/fixtures.testutil';
import { readBytes, referenceStates } from '../engine/timeline/reference.testutil';
import { captureIO } from './io';
import { runCli } from './main';

async function cli(args: string[], files: Record<string, string> = {}) {
  const io = captureIO(files);
  const code = await runCli(args, io);
  return {
    code,
    stdout: io.stdout,
    stderr: io.stderr,
    json: io.stdout === '' ? undefined : JSON.parse(io.stdout),
  };
}

describe('run --at', () => {
  const script = generateMtrace({ seed: 21, accesses: 2000, mode: 'persistent', window: 64 });
  const golden: Record<number, { records: unknown[]; t_prev: number }> = {};
  runMtrace(parseMtrace(script), (line) => {
    const l = JSON.parse(line);
    if (l.op !== 'finalize') golden[l.t] = l;
  });

  it('prints the state at T, equal to a fresh run stopped at T', async () => {
    const targets = [1, 2, 777, 1500, 3, 1999];
    const ref = referenceStates(
      () => new MtraceMachine(parseMtrace(script)),
      targets,
      Number.MAX_SAFE_INTEGER,
    );
    for (const t of targets) {
      const r = await cli(['run', 's.mtrace', '--at', String(t), '--dump', '2:0:64', '--dump', '4:0x10:8'], {
        's.mtrace': script,
      });
      expect(r.code).toBe(0);
      expect(r.stdout.endsWith('}\n') && r.stdout.split('\n').length).toBe(2);
      const j = r.json;
      expect({ step: j.step, hash: j.state_hash }).toEqual({
        step: ref.get(t)?.step,
        hash: ref.get(t)?.hash,
      });
      const m = new MtraceMachine(parseMtrace(script));
      m.run(j.step);
      expect(j.dumps[0].values).toEqual(Array.from({ length: 64 }, (_, k) => m.memory.getCell(2, k)));
      expect(j.dumps[1].units).toHaveLength(8);
      expect(j.access.records).toEqual(golden[t].records);
      expect(j.access.t_prev).toBe(golden[t].t_prev);
    }
  });

  it('rejects T past the end, bad dumps and --summary with --at', async () => {
    const files = { 's.mtrace': 'read 2 0 4\n' };
    expect(await cli(['run', 's.mtrace', '--at', '99'], files)).toMatchObject({ code: 1, stdout: '' });
    expect((await cli(['run', 's.mtrace', '--at', '1', '--dump', '2:0'], files)).code).toBe(1);
    expect((await cli(['run', 's.mtrace', '--at', '1', '--dump', '9:0:4'], files)).code).toBe(1);
    expect((await cli(['run', 's.mtrace', '--at', '1', '--summary'], files)).code).toBe(1);
    expect((await cli(['run', 's.mtrace', '--dump', '2:0:4'], files)).code).toBe(1);
  });

  it('an invalid script still prints the state inside its valid prefix, then exits 2', async () => {
    const r = await cli(['run', 'bad.mtrace', '--at', '1'], { 'bad.mtrace': 'read 2 0 4\nbogus\n' });
    expect(r.code).toBe(2);
    expect(r.json.step).toBe(0);
    expect(r.stderr).toBe('error: line 2: unknown directive `bogus`\n');
  });
});

describe('alloc --at', () => {
  it('the .alloc axis is the directive index; the state equals a fresh run of T directives', async () => {
    const file = path.join(EXAMPLES, 'errors_and_double_free.alloc');
    const trace = parseAllocTrace(new TextDecoder().decode(readBytes(file)));
    const ref = referenceStates(() => new AllocMachine(trace), [0, 3, 5], Number.MAX_SAFE_INTEGER);
    for (const t of [5, 0, 3]) {
      const r = await cli(['alloc', file, '--at', String(t)]);
      expect(r.code).toBe(0);
      expect({ step: r.json.step, hash: r.json.state_hash }).toEqual({
        step: ref.get(t)?.step,
        hash: ref.get(t)?.hash,
      });
      expect(Array.isArray(r.json.events)).toBe(true);
    }
    expect((await cli(['alloc', file, '--at', '1', '--dump', '2:0:4'])).code).toBe(1);
  });
});

describe('exec --at', () => {
  const fib = path.join(SHARED_GUESTS, 'fibonacci.elf');
  const cases: [string, string[], string | undefined][] = [
    [path.join(EXAMPLES, 'matmul.elf'), [], undefined],
  ];
  if (needs(sharedGuests())) {
    const input = path.join(SHARED_GUESTS, 'fibonacci.input.json');
    cases.push([fib, ['--input', input], new TextDecoder().decode(readBytes(input))]);
  }
  for (const [elf, extra, inputText] of cases) {
    it(`${path.basename(elf)}: pc, registers and dumps equal a fresh run stopped at T`, async () => {
      const program = loadGuestProgram(readBytes(elf));
      const make = () =>
        new GuestMachine(program, {
          mode: 'persistent',
          input: inputText === undefined ? undefined : parseInput(inputText),
          observeAllocator: false,
        });
      const targets = [5000, 100, 60_000];
      const ref = referenceStates(make, targets, 100_000);
      for (const t of targets) {
        const r = await cli([
          'exec',
          elf,
          ...extra,
          '--max-steps',
          '100000',
          '--at',
          String(t),
          '--dump',
          '1:0:128',
        ]);
        expect(r.stderr).toBe('');
        const m = make();
        m.run(r.json.step);
        expect({ step: r.json.step, hash: r.json.state_hash, pc: r.json.pc }).toEqual({
          step: ref.get(t)?.step,
          hash: ref.get(t)?.hash,
          pc: m.interpreter.pc,
        });
        expect(r.json.registers).toEqual(Array.from(m.run_.registers()));
        expect(r.json.dumps[0].values).toEqual(Array.from({ length: 128 }, (_, k) => m.memory.getCell(1, k)));
      }
    });
  }

  const hashmap = path.join(EXAMPLES, 'hashmap.elf');
  it('--alloc orthotope: the served run at T, arena included, equals a fresh run', async () => {
    const program = loadGuestProgram(readBytes(hashmap));
    const make = () =>
      new GuestMachine(program, { mode: 'persistent', observeAllocator: false, orthotope: true });
    const base = (make().interposer as NonNullable<GuestMachine['interposer']>).base;
    const targets = [90_000, 700, 40_000];
    const ref = referenceStates(make, targets, Number.MAX_SAFE_INTEGER);
    for (const t of targets) {
      const r = await cli([
        'exec',
        hashmap,
        '--alloc',
        'orthotope',
        '--at',
        String(t),
        '--dump',
        `2:${base}:256`,
      ]);
      expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
      const m = make();
      m.run(r.json.step);
      expect({ step: r.json.step, hash: r.json.state_hash, pc: r.json.pc }).toEqual({
        step: ref.get(t)?.step,
        hash: ref.get(t)?.hash,
        pc: m.interpreter.pc,
      });
      expect(r.json.registers).toEqual(Array.from(m.run_.registers()));
      expect(r.json.dumps[0].values).toEqual(
        Array.from({ length: 256 }, (_, k) => m.memory.getCell(2, base + k)),
      );
    }
    // The dump is the model's arena: by T = 90000 its first block's header starts with orthotope's magic.
    const served = await cli([
      'exec',
      hashmap,
      '--alloc',
      'orthotope',
      '--at',
      '90000',
      '--dump',
      `2:${base}:4`,
    ]);
    const v = served.json.dumps[0].values;
    expect((v[0] | (v[1] << 8) | (v[2] << 16) | (v[3] << 24)) >>> 0).toBe(HEADER_MAGIC);
  });
});
