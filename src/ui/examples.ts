// The examples gallery (public/examples/index.json) and the lessons (public/lessons/index.json), served
// with the app, so both work offline.
import type { LessonIndexEntry } from '../engine/lessons/lessonTypes';
export interface ExampleEntry {
  file: string;
  kind: 'mtrace' | 'alloc' | 'guest';
  title: string;
  teaches: string;
  /** Guests: the openvm.toml (in public/examples) the ELF was built for, opened with it. */
  config?: string;
}
export interface ExampleIndex {
  examples: ExampleEntry[];
  default: string;
}

const base = import.meta.env.BASE_URL;

export async function loadExampleIndex(): Promise<ExampleIndex> {
  const r = await fetch(`${base}examples/index.json`);
  if (!r.ok) throw new Error(`examples/index.json: HTTP ${r.status}`);
  return (await r.json()) as ExampleIndex;
}

export async function loadExampleBytes(file: string): Promise<Uint8Array> {
  const r = await fetch(`${base}examples/${encodeURIComponent(file)}`);
  if (!r.ok) throw new Error(`example ${file}: HTTP ${r.status}`);
  return new Uint8Array(await r.arrayBuffer());
}

export async function loadLessonIndex(): Promise<LessonIndexEntry[]> {
  const r = await fetch(`${base}lessons/index.json`);
  if (!r.ok) throw new Error(`lessons/index.json: HTTP ${r.status}`);
  return ((await r.json()) as { lessons: LessonIndexEntry[] }).lessons;
}

export async function loadLessonBytes(file: string): Promise<Uint8Array> {
  const r = await fetch(`${base}lessons/${encodeURIComponent(file)}`);
  if (!r.ok) throw new Error(`lesson ${file}: HTTP ${r.status}`);
  return new Uint8Array(await r.arrayBuffer());
}
