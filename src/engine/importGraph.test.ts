// The engine's rooms stay one above the other (src/engine/README.md): no circle of imports between its
// source files, type-only imports included (the lint rule import-x/no-cycle sees value imports only), and
// no room imports a room above it. Reads the files as text: every `import`/`export … from` with a relative
// specifier is an edge. Tests and test utilities are left out (they may import anything below them).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ENGINE = __dirname;
const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+['"](\.[^'"]+)['"]/g;

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) sourceFiles(path, out);
    else if (/\.ts$/.test(name) && !/\.(test|testutil|d)\.ts$/.test(name)) out.push(path);
  }
  return out;
}

function resolveImport(from: string, spec: string): string | null {
  const base = resolve(dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, join(base, 'index.ts')])
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  return null;
}

function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(ENGINE)) {
    const targets = [...readFileSync(file, 'utf8').matchAll(IMPORT)]
      .map((m) => resolveImport(file, m[1]))
      .filter((t): t is string => t !== null && t.startsWith(ENGINE));
    graph.set(file, targets);
  }
  return graph;
}

/** Tarjan's strongly connected components of more than one file (or a file importing itself). */
function circles(graph: Map<string, string[]>): string[][] {
  let index = 0;
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    order.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!order.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, order.get(w)!));
    }
    if (low.get(v) !== order.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(relative(ENGINE, w));
    } while (w !== v);
    if (component.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(component);
  };
  for (const v of graph.keys()) if (!order.has(v)) visit(v);
  return found;
}

// The rooms from the bottom up (src/engine/README.md). A file may import its own room and rooms below.
const LAYERS: readonly (readonly string[])[] = [
  ['errors.ts', 'random.ts', 'globals.d.ts'],
  ['memory', 'alloc'],
  ['guest', 'scripts'],
  ['timeline'],
  ['metering'],
  ['session.ts', 'views', 'gdb'],
  ['lessons'],
];
const layerOf = (file: string): number => {
  const top = relative(ENGINE, file).split('/')[0];
  return LAYERS.findIndex((rooms) => rooms.includes(top));
};

describe('src/engine import graph', () => {
  const graph = importGraph();

  it('reads the whole engine', () => {
    expect(graph.size).toBeGreaterThan(150);
  });

  it('has no circle of imports, type-only ones included', () => {
    expect(circles(graph)).toEqual([]);
  });

  it('finds a circle when there is one (the check can fail)', () => {
    const a = join(ENGINE, 'a.ts');
    const b = join(ENGINE, 'b.ts');
    expect(
      circles(
        new Map([
          [a, [b]],
          [b, [a]],
        ]),
      ),
    ).toEqual([['b.ts', 'a.ts']]);
  });

  it('imports no room above its own', () => {
    const upward: string[] = [];
    for (const [file, targets] of graph) {
      expect(layerOf(file), `${relative(ENGINE, file)} is in no room of LAYERS`).toBeGreaterThanOrEqual(0);
      for (const t of targets)
        if (layerOf(t) > layerOf(file)) upward.push(`${relative(ENGINE, file)} -> ${relative(ENGINE, t)}`);
    }
    expect(upward).toEqual([]);
  });
});
