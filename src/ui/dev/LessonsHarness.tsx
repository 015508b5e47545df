// TEMPORARY dev harness (issue 7, lessons): `?harness=lessons[&lesson=ID]` renders the Lessons gallery,
// the Narration panel (with the lead's Adapter records panel beside it) and the Cost panel on real engine
// data through the real worker protocol (`openLesson`, `control` seekStep, `predict`, `cost`), so the
// components can be checked in screenshots before the lead wires them into the app and store. Remove with
// the `?harness=` branch of main.tsx.
import { useEffect, useState } from 'react';
import type { CostComparison } from '../../engine/lessons/costComparison';
import type { Lesson, LessonIndexEntry } from '../../engine/lessons/lessonTypes';
import { narrationAt } from '../../engine/lessons/narration';
import type { PredictionQuiz } from '../../engine/lessons/predict';
import type { Frame, FrameRequest } from '../../engine/views/frameTypes';
import { engine } from '../engine';
import { loadExampleBytes } from '../examples';
import { CostPanel } from '../lessons/CostPanel';
import { LessonsGallery } from '../lessons/LessonsGallery';
import { NarrationPanel } from '../lessons/NarrationPanel';
import { AdapterRecordsPanel } from '../panels/AdapterRecordsPanel';

const START = new URLSearchParams(window.location.search).get('lesson');
const VIEW: FrameRequest = { lanes: [] };
const base = import.meta.env.BASE_URL;

async function fetchBytes(path: string): Promise<Uint8Array> {
  const r = await fetch(`${base}${path}`);
  if (!r.ok) throw new Error(`${path}: HTTP ${r.status}`);
  return new Uint8Array(await r.arrayBuffer());
}

interface Open {
  entry: LessonIndexEntry;
  lesson: Lesson;
  /** The bytes the cost view runs: the script, or the guest ELF. */
  program: Uint8Array;
}

export default function LessonsHarness() {
  const [index, setIndex] = useState<LessonIndexEntry[]>([]);
  const [open, setOpen] = useState<Open | null>(null);
  const [frame, setFrame] = useState<Frame | null>(null);
  const [quiz, setQuiz] = useState<PredictionQuiz | null>(null);
  const [cost, setCost] = useState<CostComparison | null>(null);
  const [costLoading, setCostLoading] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [completed, setCompleted] = useState<string[]>([]);

  const openLesson = async (entry: LessonIndexEntry) => {
    setBusy(true);
    try {
      const source = await fetchBytes(`lessons/${entry.file}`);
      const program = entry.program === undefined ? undefined : await loadExampleBytes(entry.program);
      const r = await engine().request('openLesson', { file: entry.file, source, program, view: VIEW });
      setOpen({ entry, lesson: r.lesson, program: program ?? source });
      setFrame(r.frame);
      setQuiz(null);
      setCost(null);
    } catch (e) {
      setFailure(String(e));
    } finally {
      setBusy(false);
    }
  };

  useEffect(() => {
    fetch(`${base}lessons/index.json`)
      .then((r) => r.json() as Promise<{ lessons: LessonIndexEntry[] }>)
      .then((i) => {
        setIndex(i.lessons);
        const first = i.lessons.find((l) => l.id === START);
        if (first) void openLesson(first);
      })
      .catch((e: unknown) => setFailure(String(e)));
  }, []);

  const go = async (step: number) => {
    if (open === null) return;
    setBusy(true);
    try {
      const f = await engine().request('control', { control: { op: 'seekStep', step }, view: VIEW });
      setFrame(f);
      const here = narrationAt(open.lesson, f.position.step);
      // The store's rule: ask for the prediction when the check's stop is reached.
      if (here.atCheck && quiz?.step !== open.lesson.check.at) setQuiz(await engine().request('predict', {}));
      if (here.done && !completed.includes(open.lesson.id)) setCompleted([...completed, open.lesson.id]);
    } catch (e) {
      setFailure(String(e));
    } finally {
      setBusy(false);
    }
  };

  const compute = async () => {
    if (open === null) return;
    setCostLoading(true);
    try {
      setCost(await engine().request('cost', { kind: open.lesson.kind, bytes: open.program, options: { mode: open.lesson.mode } }));
    } catch (e) {
      setFailure(String(e));
    } finally {
      setCostLoading(false);
    }
  };

  return (
    <div className="harness" style={{ display: 'grid', gridTemplateColumns: '300px minmax(0, 1.1fr) minmax(0, 1fr)', gridTemplateRows: 'minmax(0, 1fr) auto', gap: 8, height: '100vh', padding: 8 }}>
      <div style={{ gridRow: '1 / 3', minHeight: 0, display: 'grid' }}>
        <LessonsGallery lessons={index} current={open?.lesson.id ?? null} completed={completed} onOpen={(e) => void openLesson(e)} />
      </div>
      {failure !== null && <p role="alert">{failure}</p>}
      {open !== null && frame !== null ? (
        <>
          <NarrationPanel lesson={open.lesson} step={frame.position.step} quiz={quiz} busy={busy} onGo={(s) => void go(s)} />
          <AdapterRecordsPanel step={frame.step} rows={frame.adapterRows} mode={frame.mode} />
          <div style={{ gridColumn: '2 / 4' }}>
            <CostPanel cost={cost} loading={costLoading} onCompute={() => void compute()} />
          </div>
        </>
      ) : (
        <p className="muted">Choose a lesson.</p>
      )}
    </div>
  );
}
