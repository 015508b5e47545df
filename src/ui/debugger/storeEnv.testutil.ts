// Test-only (Node): the store's environment over the repository's public/ folder — the same example and
// lesson files the app serves — and a URL held in memory (optionally one whose writes fail, as a browser
// that limits history updates does).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ExampleIndex } from '../examples';
import type { LessonIndexEntry } from '../../engine/lessons/lessonTypes';
import type { StoreEnv } from './storeEnv';

export const PUBLIC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../public');
export const publicFile = (p: string) => new Uint8Array(readFileSync(path.join(PUBLIC, p)));

export interface TestEnv extends StoreEnv {
  search: string;
  /** Every query string written, in order. */
  written: string[];
}

export function testEnv(options: { search?: string; failWrites?: boolean } = {}): TestEnv {
  const env: TestEnv = {
    search: options.search ?? '',
    written: [],
    loadExampleIndex: async () =>
      JSON.parse(readFileSync(path.join(PUBLIC, 'examples/index.json'), 'utf8')) as ExampleIndex,
    loadExampleBytes: async (file) => publicFile(`examples/${file}`),
    loadLessonIndex: async () =>
      (
        JSON.parse(readFileSync(path.join(PUBLIC, 'lessons/index.json'), 'utf8')) as {
          lessons: LessonIndexEntry[];
        }
      ).lessons,
    loadLessonBytes: async (file) => publicFile(`lessons/${file}`),
    readSearch: () => env.search,
    writeSearch(search) {
      if (options.failWrites)
        throw new DOMException(
          'Attempt to use history.replaceState() more than 100 times per 10 seconds',
          'SecurityError',
        );
      env.search = search;
      env.written.push(search);
    },
    focusTimestampField: () => {},
    now: () => performance.now(),
  };
  return env;
}
