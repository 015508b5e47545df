// Guest lessons: the JSON's shape is checked before anything runs, and anchors resolve to the Session
// steps around the first execution of their instruction (lesson 9's stores, one function each).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Session } from '../session';
import { parseGuestLesson, resolveGuestLesson } from './guestLesson';

const ELF = new Uint8Array(readFileSync(resolve(__dirname, '../../../public/examples/lesson_subword.elf')));
const step = (at: unknown, narration = ['Some narration.'], check?: string) => ({
  at,
  narration,
  ...(check ? { check } : {}),
});
const lesson = (steps: unknown[], extra: object = {}) =>
  JSON.stringify({
    title: 'T',
    teaches: 'X',
    program: 'lesson_subword.elf',
    intro: ['Intro.'],
    steps,
    ...extra,
  });

describe('parseGuestLesson', () => {
  it('reads anchors by symbol, pc and step, `when` defaulting to after', () => {
    const src = parseGuestLesson(
      lesson([
        step({ symbol: 'store_half' }),
        step({ pc: 0x200828, when: 'before' }, ['N'], 'Q?'),
        step({ step: 40 }),
      ]),
    );
    expect(src.mode).toBe('persistent');
    expect(src.steps.map((s) => s.at)).toEqual([
      { symbol: 'store_half', when: 'after' },
      { pc: 0x200828, when: 'before' },
      { step: 40 },
    ]);
    expect(src.steps[1].check).toBe('Q?');
  });

  it('rejects what breaks the format', () => {
    expect(() => parseGuestLesson('{')).toThrow(/not JSON/);
    expect(() => parseGuestLesson(lesson([step({ step: 1 }), step({ step: 2 })]))).toThrow(/check/);
    expect(() =>
      parseGuestLesson(lesson([step({ step: 1 }, ['N'], 'Q'), step({ step: 2 }), step({ step: 3 })])),
    ).toThrow(/second-to-last/);
    expect(() => parseGuestLesson(lesson([step({ when: 'after' }, ['N'], 'Q'), step({ step: 2 })]))).toThrow(
      /symbol, a pc or a step/,
    );
    expect(() =>
      parseGuestLesson(lesson([step({ symbol: 'main', when: 'during' }, ['N'], 'Q'), step({ step: 2 })])),
    ).toThrow(/before/);
    expect(() => parseGuestLesson(lesson([step({ step: 1 }, [], 'Q'), step({ step: 2 })]))).toThrow(
      /narration/,
    );
    expect(() =>
      parseGuestLesson(lesson([step({ step: 1 }, ['N'], 'Q'), step({ step: 2 })], { mode: 'fast' })),
    ).toThrow(/mode/);
  });

  it('reads a guest input (a hex string or the CLI document) and an openvm.toml text, rejecting other shapes', () => {
    const steps = [step({ step: 1 }, ['N'], 'Q'), step({ step: 2 })];
    expect(parseGuestLesson(lesson(steps, { input: '0x0102' })).input).toBe('0x0102');
    expect(parseGuestLesson(lesson(steps, { input: { input: ['0x0102'] } })).input).toBe(
      '{"input":["0x0102"]}',
    );
    expect(parseGuestLesson(lesson(steps)).input).toBeUndefined();
    const toml = '[app_vm_config.rv32i]\n';
    expect(parseGuestLesson(lesson(steps, { openvmToml: toml })).openvmToml).toBe(toml);
    expect(() => parseGuestLesson(lesson(steps, { input: 5 }))).toThrow(/`input` is a hex string/);
    expect(() => parseGuestLesson(lesson(steps, { input: { vectors: [] } }))).toThrow(/`input`/);
    expect(() => parseGuestLesson(lesson(steps, { openvmToml: ['x'] }))).toThrow(/`openvmToml`/);
  });
});

describe('resolveGuestLesson', () => {
  it('puts "before" on the instruction and "after" one step later, and returns to where it was', () => {
    const session = Session.open('guest', ELF);
    session.seekStep(3);
    const src = parseGuestLesson(
      lesson([
        step({ symbol: 'store_first_byte' }),
        step({ symbol: 'store_next_chunk', when: 'before' }, ['N'], 'Q?'),
        step({ symbol: 'store_next_chunk' }),
      ]),
    );
    const l = resolveGuestLesson('t', src, session);
    expect(session.position().step).toBe(3);
    const [, first, before, after] = l.stops;
    expect(after.at).toBe(before.at + 1);
    expect(before.pc).toBe(0x200828);
    expect(l.check).toEqual({ stop: 2, at: before.at, question: 'Q?' });
    session.seekStep(first.at - 1);
    expect(session.position().pc).toBe(0x200810);
    session.seekStep(before.at);
    expect(session.position().pc).toBe(0x200828);
  });

  it('rejects anchors the program lacks or never reaches, and stops out of order', () => {
    const session = Session.open('guest', ELF);
    const bad = (at: unknown) =>
      parseGuestLesson(lesson([step(at, ['N'], 'Q'), step({ symbol: 'store_half' })]));
    expect(() => resolveGuestLesson('t', bad({ symbol: 'nope' }), session)).toThrow(/no symbol `nope`/);
    expect(() => resolveGuestLesson('t', bad({ pc: 0x100 }), session)).toThrow(/never reaches/);
    expect(() => resolveGuestLesson('t', bad({ symbol: 'store_next_chunk' }), session)).toThrow(/not after/);
    expect(session.position().step).toBe(0);
  });
});

describe('lesson_subword.elf', () => {
  it('reaches the end state examples/guests/lesson_subword.c promises', () => {
    const session = Session.open('guest', ELF);
    expect(session.runToEnd().position.status).toBe('done');
    const o = session.opened;
    if (o.kind !== 'guest') throw new Error('guest expected');
    expect(o.machine.interpreter.exitCode).toBe(0);
    const pv = new DataView(o.machine.run_.publicValues().buffer);
    expect([0, 1, 2].map((i) => pv.getUint32(4 * i, true))).toEqual([0x00221100, 0x33440000, 0x00005500]);
  });
});
