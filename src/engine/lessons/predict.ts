// The lesson check: "predict the records of the next step, then reveal". predictNext runs the next step on
// the Session itself and steps back (time travel makes that exact and cheap), so the answer is whatever
// the engine appends, never a hard-coded list. The learner chooses among the true record list and up to
// three wrong ones built from common misconceptions (misconceptions.ts); gradePrediction says whether the
// choice was right and, when not, why that answer is wrong.

import { disassembleRange } from '../guest/isa/disassembler';
import type { Session } from '../session';
import { FrameBuilder } from '../views/frameBuilder';
import type { RecordCause } from '../views/explainRecord';
import { directiveText } from './mtraceLesson';
import { distractors, type FactAccess, type FactRecord, type StepFacts } from './misconceptions';
import { describeShape, listKey, type RecordShape, shapeOf, shapeRows } from './recordShape';

export interface PredictedRecord {
  shape: RecordShape;
  label: string;
  rows: number;
  cause: RecordCause;
  openvmFunction: string;
  explanation: string;
}

export interface PredictedAccess {
  op: 'read' | 'write';
  addressSpace: number;
  pointer: number;
  size: number;
  timestamp: number;
  tPrev: number;
}

export interface PredictionChoice {
  /** 'a', 'b', ... in display order. */
  id: string;
  /** One label per record (empty: "no records"). */
  labels: string[];
  /** Adapter rows of the whole list. */
  rows: number;
  /** Why this answer is wrong (null for the right one). */
  misconception: string | null;
}

export interface PredictionQuiz {
  /** The position the prediction starts from (the step after it is predicted). */
  step: number;
  /** The step to predict, as text: the directive (`read 2 24 8`) or the instruction (`sb a1, 0(a0)`). */
  next: string;
  /** Script lessons: its line. Guest lessons: its pc. */
  line: number | null;
  pc: number | null;
  /** The engine's answer: the accesses of the step and the records they appended, explained. */
  accesses: PredictedAccess[];
  answer: PredictedRecord[];
  choices: PredictionChoice[];
  correct: string;
}

export interface Grade {
  right: boolean;
  chosen: PredictionChoice | null;
  correct: PredictionChoice;
}

const SUBWORD = /^(lb|lh|lbu|lhu|sb|sh)$/;

/** The next step as text and whether it is a guest sub-word access. */
function nextStepText(session: Session): {
  next: string;
  line: number | null;
  pc: number | null;
  subword: boolean;
} {
  const o = session.opened;
  const pos = session.position();
  if (o.kind === 'mtrace')
    return { next: directiveText(o.machine.program, pos.step), line: pos.line, pc: null, subword: false };
  if (o.kind === 'guest') {
    const program = o.machine.program;
    const pc = pos.pc ?? program.elf.pcBase;
    const idx = (pc - program.elf.pcBase) / 4;
    const line = disassembleRange(program.elf.instructions.subarray(idx, idx + 1), pc, program.symbols)[0];
    const where = program.symbols.describe(pc);
    const text = line?.text ?? '?';
    return {
      next: `${text} at 0x${pc.toString(16)}${where === undefined ? '' : ` <${where}>`}`,
      line: null,
      pc,
      subword: SUBWORD.test(text.split(/\s+/)[0]),
    };
  }
  return { next: '', line: null, pc: null, subword: false };
}

/** A stable order that does not put the right answer first: sort by a hash of the list and the step. */
function mix(key: string, seed: number): number {
  let h = 2166136261 ^ seed;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** Runs the next step, collects its records, and returns to the current position. Null at the end. */
export function predictNext(session: Session): PredictionQuiz | null {
  if (session.kind === 'alloc') return null;
  const start = session.position();
  if (start.status !== 'paused') return null;
  const text = nextStepText(session);
  const frames = new FrameBuilder(session, '', null);
  const mode = frames.mode() ?? 'persistent';
  let view;
  try {
    if (session.step(1).step === start.step) return null;
    view = frames.stepView();
  } finally {
    session.seekStep(start.step);
  }
  if (view === null) return null;
  const fact = (i: number): FactRecord => ({
    shape: shapeOf(view.records[i]),
    cause: view.explanations[i].cause,
  });
  const accesses: FactAccess[] = view.accesses.map((a) => ({
    op: a.write ? 'write' : 'read',
    addressSpace: a.addressSpace,
    pointer: a.pointer,
    size: a.size,
    timestamp: a.timestamp,
    tPrev: a.tPrev,
    records: Array.from({ length: a.recordEnd - a.recordStart }, (_, k) => fact(a.recordStart + k)),
  }));
  const inAccess = new Set(
    view.accesses.flatMap((a) =>
      Array.from({ length: a.recordEnd - a.recordStart }, (_, k) => a.recordStart + k),
    ),
  );
  const finalize = view.records
    .map((_, i) => i)
    .filter((i) => !inAccess.has(i))
    .map(fact);
  const facts: StepFacts = { mode, accesses, finalize, subword: text.subword };

  const answer: PredictedRecord[] = view.records.map((r, i) => {
    const shape = shapeOf(r);
    const e = view.explanations[i];
    return {
      shape,
      label: describeShape(shape),
      rows: shapeRows(shape),
      cause: e.cause,
      openvmFunction: e.openvmFunction,
      explanation: e.text,
    };
  });
  const truth = answer.map((a) => a.shape);
  const options = [{ records: truth, misconception: null as string | null }, ...distractors(facts)];
  options.sort((x, y) => mix(listKey(x.records), start.step) - mix(listKey(y.records), start.step));
  const choices: PredictionChoice[] = options.map((o, k) => ({
    id: String.fromCharCode(97 + k),
    labels: o.records.map(describeShape),
    rows: o.records.reduce((n, s) => n + shapeRows(s), 0),
    misconception: o.misconception,
  }));
  return {
    step: start.step,
    next: text.next,
    line: text.line,
    pc: text.pc,
    accesses: accesses.map(({ records: _records, ...a }) => a),
    answer,
    choices,
    correct: choices[options.findIndex((o) => o.misconception === null)].id,
  };
}

export function gradePrediction(quiz: PredictionQuiz, choiceId: string | null): Grade {
  const correct = quiz.choices.find((c) => c.id === quiz.correct) as PredictionChoice;
  const chosen = quiz.choices.find((c) => c.id === choiceId) ?? null;
  return { right: chosen !== null && chosen.id === quiz.correct, chosen, correct };
}
