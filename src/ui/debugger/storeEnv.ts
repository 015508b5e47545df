// What the debugger store needs from its surroundings besides the engine: the served examples and
// lessons, and the URL. The app uses the browser's (fetch, location, history); unit tests give the files
// of public/ and a URL of their own (storeEnv.testutil.ts), so the store runs in Node over the real engine.
import {
  type ExampleIndex,
  loadExampleBytes,
  loadExampleIndex,
  loadLessonBytes,
  loadLessonIndex,
} from '../examples';
import type { LessonIndexEntry } from '../../engine/lessons/lessonTypes';

export interface StoreEnv {
  loadExampleIndex(): Promise<ExampleIndex>;
  loadExampleBytes(file: string): Promise<Uint8Array>;
  loadLessonIndex(): Promise<LessonIndexEntry[]>;
  loadLessonBytes(file: string): Promise<Uint8Array>;
  /** The current query string ("?a=b" or ""). */
  readSearch(): string;
  /** Replaces the query string (no history entry). May throw (browsers limit history updates). */
  writeSearch(search: string): void;
  /** Moves the keyboard focus to the "go to timestamp" field. */
  focusTimestampField(): void;
  now(): number;
}

export const browserEnv: StoreEnv = {
  loadExampleIndex,
  loadExampleBytes,
  loadLessonIndex,
  loadLessonBytes,
  readSearch: () => window.location.search,
  writeSearch(search) {
    const { pathname, hash } = window.location;
    if (search !== window.location.search)
      window.history.replaceState(null, '', `${pathname}${search}${hash}`);
  },
  focusTimestampField: () => document.getElementById('goto-timestamp')?.focus(),
  now: () => performance.now(),
};
