// Issue 22: the app's own examples and lessons were opened without the openvm.toml they were built for,
// so lesson 10 and the precompile_hash / int256 examples showed "OpenVM would refuse to load this
// program" and then ran to exit 0. Every built-in guest, example or lesson, opens with what it needs.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExampleIndex } from '../examples';
import type { LessonIndexEntry } from '../../engine/lessons/lessonTypes';
import { InProcessClient } from '../../worker/inProcessClient';
import { createDebuggerStore } from './store';
import { PUBLIC, testEnv } from './storeEnv.testutil';

const index = JSON.parse(readFileSync(path.join(PUBLIC, 'examples/index.json'), 'utf8')) as ExampleIndex;
const lessons = (
  JSON.parse(readFileSync(path.join(PUBLIC, 'lessons/index.json'), 'utf8')) as { lessons: LessonIndexEntry[] }
).lessons;

const missingOf = (s: ReturnType<ReturnType<typeof createDebuggerStore>['getState']>) =>
  s.program?.kind === 'guest' ? s.program.missingSettings : [];

describe('built-in guests carry their openvm.toml', () => {
  for (const file of index.examples.filter((e) => e.kind === 'guest').map((e) => e.file))
    it(`example ${file} opens with no missing settings`, async () => {
      const store = createDebuggerStore(new InProcessClient(), testEnv({ search: `?example=${file}` }));
      await store.getState().init();
      const s = store.getState();
      expect(s.loaded?.name).toBe(file);
      expect(missingOf(s)).toEqual([]);
    });

  for (const entry of lessons.filter((l) => l.kind === 'guest'))
    it(`lesson ${entry.id} opens with no missing settings`, async () => {
      const store = createDebuggerStore(new InProcessClient(), testEnv({ search: `?lesson=${entry.id}` }));
      await store.getState().init();
      const s = store.getState();
      expect(s.lessonEntry?.id).toBe(entry.id);
      expect(missingOf(s)).toEqual([]);
    });

  it('precompile_hash keeps its openvm.toml with it (shown beside the program, used by Cost)', async () => {
    const store = createDebuggerStore(
      new InProcessClient(),
      testEnv({ search: '?example=precompile_hash.elf' }),
    );
    await store.getState().init();
    expect(store.getState().loaded?.config?.name).toBe('precompile_hash.openvm.toml');
    expect(store.getState().loaded?.config?.text).toMatch(/\[app_vm_config\.keccak\]/);
  });
});
