// The examples gallery: public/examples/index.json, served with the app (works offline).
export interface ExampleEntry {
  file: string;
  kind: 'mtrace' | 'alloc' | 'guest';
  title: string;
  teaches: string;
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
