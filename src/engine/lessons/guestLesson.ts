// A lesson on a real guest ELF (format in README.md): a JSON file whose narration is anchored on
// instructions by symbol (or pc, or a raw step), resolved by running the lesson's Session to each anchor.
// Anchoring on symbols keeps the lesson valid when the guest is rebuilt: the guest gives every
// instruction the lesson talks about a function of its own (examples/guests/lesson_subword.c).

import type { MemoryMode } from '../memory/config';
import type { Session } from '../session';
import { lessonError } from './lessonError';
import type { Lesson, LessonStop } from './lessonTypes';

/** Where a stop is: before or after the first execution of an instruction, or at a raw Session step. */
export type GuestAnchor =
  { symbol: string; when: 'before' | 'after' } | { pc: number; when: 'before' | 'after' } | { step: number };

export interface GuestLessonSource {
  title: string;
  teaches: string;
  /** The ELF, a file of public/examples. */
  program: string;
  mode: MemoryMode;
  /** The guest's input in the OpenVM CLI format (a hex string, or the `{"input": [...]}` document). */
  input?: string;
  /** The text of the openvm.toml the guest was built with (algebra / ECC / pairing guests need it). */
  openvmToml?: string;
  intro: string[];
  steps: { at: GuestAnchor; narration: string[]; check?: string }[];
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';
const isTexts = (v: unknown): v is string[] => Array.isArray(v) && v.length > 0 && v.every(isText);

function anchor(v: unknown, k: number): GuestAnchor {
  const where = `step ${k + 1}: \`at\``;
  if (!isObject(v)) throw lessonError(`${where} must be an object`);
  if (typeof v.step === 'number' && Number.isSafeInteger(v.step) && v.step >= 0) return { step: v.step };
  const when = v.when ?? 'after';
  if (when !== 'before' && when !== 'after') throw lessonError(`${where}: \`when\` is "before" or "after"`);
  if (isText(v.symbol)) return { symbol: v.symbol, when };
  if (typeof v.pc === 'number' && Number.isSafeInteger(v.pc) && v.pc >= 0) return { pc: v.pc, when };
  throw lessonError(`${where} needs a symbol, a pc or a step`);
}

/** Parses and checks the JSON's shape (anchors are resolved later, on a Session). */
export function parseGuestLesson(text: string): GuestLessonSource {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (e) {
    throw lessonError(`not JSON: ${(e as Error).message}`);
  }
  if (!isObject(v)) throw lessonError('a guest lesson is a JSON object');
  if (!isText(v.title) || !isText(v.teaches) || !isText(v.program))
    throw lessonError('`title`, `teaches` and `program` are required strings');
  const mode = v.mode ?? 'persistent';
  if (mode !== 'persistent' && mode !== 'volatile') throw lessonError('`mode` is "persistent" or "volatile"');
  if (!isTexts(v.intro)) throw lessonError('`intro` is a list of paragraphs');
  if (!Array.isArray(v.steps) || v.steps.length < 2)
    throw lessonError('`steps` lists at least the check and its answer');
  const steps = v.steps.map((s: unknown, k: number) => {
    if (!isObject(s) || !isTexts(s.narration))
      throw lessonError(`step ${k + 1} needs \`narration\` paragraphs`);
    if (s.check !== undefined && !isText(s.check))
      throw lessonError(`step ${k + 1}: \`check\` is the question`);
    const step: GuestLessonSource['steps'][number] = { at: anchor(s.at, k), narration: s.narration };
    if (isText(s.check)) step.check = s.check;
    return step;
  });
  const checks = steps.filter((s) => s.check !== undefined).length;
  if (checks !== 1 || steps.at(-2)?.check === undefined)
    throw lessonError(
      'exactly one step has a `check`, the second-to-last (the last one runs the predicted instruction)',
    );
  const out: GuestLessonSource = {
    title: v.title,
    teaches: v.teaches,
    program: v.program,
    mode,
    intro: v.intro,
    steps,
  };
  if (v.input !== undefined) {
    if (isText(v.input)) out.input = v.input;
    else if (isObject(v.input) && Array.isArray(v.input.input)) out.input = JSON.stringify(v.input);
    else throw lessonError('`input` is a hex string or an object `{"input": [...]}` (OpenVM CLI format)');
  }
  if (v.openvmToml !== undefined) {
    if (!isText(v.openvmToml)) throw lessonError("`openvmToml` is the text of the guest's openvm.toml");
    out.openvmToml = v.openvmToml;
  }
  return out;
}

/** The Session step of an anchor: runs to the first execution of its instruction (from step 0). */
function resolve(session: Session, a: GuestAnchor, k: number): { at: number; pc?: number } {
  if ('step' in a) return { at: a.step };
  const o = session.opened;
  if (o.kind !== 'guest') throw lessonError('a guest lesson needs a guest session');
  let pc: number;
  if ('pc' in a) pc = a.pc;
  else {
    const sym = o.machine.program.symbols.get(a.symbol);
    if (sym === undefined) throw lessonError(`step ${k + 1}: the program has no symbol \`${a.symbol}\``);
    pc = sym.address;
  }
  session.seekStep(0);
  const stop = session.run({ breakpoints: [{ pc }] });
  if (stop.reason !== 'breakpoint')
    throw lessonError(`step ${k + 1}: the program never reaches 0x${pc.toString(16)}`);
  return { at: stop.position.step + (a.when === 'after' ? 1 : 0), pc };
}

/** Resolves every anchor on `session` (which runs the lesson's program) and returns to where it was. */
export function resolveGuestLesson(id: string, source: GuestLessonSource, session: Session): Lesson {
  const back = session.position().step;
  const stops: LessonStop[] = [{ at: 0, paragraphs: source.intro }];
  try {
    source.steps.forEach((s, k) => {
      const r = resolve(session, s.at, k);
      if (r.at <= stops[stops.length - 1].at)
        throw lessonError(`step ${k + 1} is not after the one before it (Session step ${r.at})`);
      const stop: LessonStop = { at: r.at, paragraphs: s.narration };
      if (r.pc !== undefined) stop.pc = r.pc;
      stops.push(stop);
    });
  } finally {
    session.seekStep(back);
  }
  const checkStop = stops.length - 2;
  const question = source.steps[checkStop - 1].check as string;
  return {
    id,
    title: source.title,
    teaches: source.teaches,
    kind: 'guest',
    mode: source.mode,
    program: source.program,
    ...(source.input !== undefined ? { input: source.input } : {}),
    ...(source.openvmToml !== undefined ? { openvmToml: source.openvmToml } : {}),
    stops,
    check: { stop: checkStop, at: stops[checkStop].at, question },
  };
}
