// Goals (issue 26): a script can state what its access should cost, and the engine grades every edit of
// it. A goal is a header line of a script (or script lesson): `#! goal: read 2 8 4 costs 0 adapter records`
// — the directive (read/write, address space, pointer, size) and how many access-adapter records its
// access must append. Grading runs the script (scripts/mtraceRunner, the CLI's `run`) and looks at the
// records of the last matching access; the directive must still be in the script, so deleting it is no
// answer. Cost: one run of the script.
import { EngineError } from '../errors';
import { parseMtrace } from '../scripts/mtraceParser';
import { runMtrace } from '../scripts/mtraceRunner';

export interface Goal {
  line: number;
  op: 'read' | 'write';
  addressSpace: number;
  pointer: number;
  size: number;
  records: number;
  /** The goal as written (`read 2 8 4 costs 0 adapter records`). */
  text: string;
}

export interface GoalGrade {
  goal: Goal;
  met: boolean;
  /** What the engine found, in words. */
  verdict: string;
}

const GOAL =
  /^\s*#!\s*goal:\s*(read|write)\s+(\d+|0x[0-9a-f]+)\s+(\d+|0x[0-9a-f]+)\s+(\d+)\s+costs\s+(\d+)\s+(?:adapter\s+)?records?\s*$/i;

/** The script's goal, or undefined when it states none (a malformed goal line is an error naming it). */
export function parseGoal(text: string): Goal | undefined {
  const lines = text.split('\n');
  for (let k = 0; k < lines.length; k++) {
    if (!/^\s*#!\s*goal:/.test(lines[k])) continue;
    const m = GOAL.exec(lines[k].replace(/\r$/, ''));
    if (m === null)
      throw new EngineError('script', 'a goal is `#! goal: read AS PTR SIZE costs N adapter records`', {
        line: k + 1,
      });
    return {
      line: k + 1,
      op: m[1].toLowerCase() as 'read' | 'write',
      addressSpace: Number(m[2]),
      pointer: Number(m[3]),
      size: Number(m[4]),
      records: Number(m[5]),
      text: lines[k].replace(/^\s*#!\s*goal:\s*/, '').trim(),
    };
  }
  return undefined;
}

interface AccessLine {
  i: number;
  op: string;
  as: number;
  ptr: number;
  size: number;
  records: { kind: string; size: number }[];
}

/** Runs the script and grades its goal; undefined when it has none. */
export function gradeGoal(text: string): GoalGrade | undefined {
  const goal = parseGoal(text);
  if (goal === undefined) return undefined;
  const target = `${goal.op} ${goal.addressSpace} ${goal.pointer} ${goal.size}`;
  const program = parseMtrace(text);
  const accesses: AccessLine[] = [];
  try {
    runMtrace(program, (line) => {
      const a = JSON.parse(line) as AccessLine;
      if (a.op === goal.op && a.as === goal.addressSpace && a.ptr === goal.pointer && a.size === goal.size)
        accesses.push(a);
    });
  } catch (e) {
    if (!(e instanceof EngineError)) throw e;
    return { goal, met: false, verdict: `the script stops with an error: ${e.message}` };
  }
  if (program.error !== undefined)
    return { goal, met: false, verdict: `line ${program.error.line} is invalid: ${program.error.message}` };
  const last = accesses.at(-1);
  if (last === undefined)
    return {
      goal,
      met: false,
      verdict: `the script has no \`${target}\`: the goal is about that access, keep it`,
    };
  const n = last.records.length;
  const kinds = last.records.map((r) => `${r.kind} of ${r.size}`).join(', ');
  const found = `\`${target}\` at line ${last.i} appends ${n} record${n === 1 ? '' : 's'}${n > 0 ? ` (${kinds})` : ''}`;
  return {
    goal,
    met: n === goal.records,
    verdict: n === goal.records ? `Goal met: ${found}.` : `Not yet: ${found}; the goal is ${goal.records}.`,
  };
}
