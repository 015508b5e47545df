// UI state (zustand). The engine state lives in the worker; this holds only what the UI asked for and got
// back (views), plus UI choices. The URL mirrors the loaded program (?example=NAME) so a link reproduces it.
import { create } from 'zustand';
import type { ErrorInfo } from '../engine/errors';
import type { MtraceRunView } from '../engine/scripts/mtraceView';
import { EngineClientError } from '../worker/protocol';
import { engine } from './engine';
import { type ExampleEntry, loadExampleBytes, loadExampleIndex } from './examples';

export type Status = 'idle' | 'loading' | 'running' | 'done' | 'error';

interface RunState {
  examples: ExampleEntry[];
  programName?: string;
  status: Status;
  view?: MtraceRunView;
  /** A failure to load or run (the engine's structured error, or a fetch failure). */
  failure?: ErrorInfo;
  selectedAccess?: number;
  init(): Promise<void>;
  openExample(file: string): Promise<void>;
  openBytes(name: string, bytes: Uint8Array): Promise<void>;
  selectAccess(index: number | undefined): void;
}

function asErrorInfo(e: unknown): ErrorInfo {
  if (e instanceof EngineClientError) return e.info;
  return { kind: 'internal', message: e instanceof Error ? e.message : String(e), location: {} };
}

function setUrlProgram(name: string): void {
  const url = new URL(window.location.href);
  url.searchParams.set('example', name);
  window.history.replaceState(null, '', url);
}

export const useRunStore = create<RunState>((set, get) => ({
  examples: [],
  status: 'idle',
  async init() {
    set({ status: 'loading' });
    try {
      const index = await loadExampleIndex();
      set({ examples: index.examples });
      const wanted = new URL(window.location.href).searchParams.get('example');
      const file = index.examples.some((e) => e.file === wanted) ? (wanted as string) : index.default;
      await get().openExample(file);
    } catch (e) {
      set({ status: 'error', failure: asErrorInfo(e) });
    }
  },
  async openExample(file) {
    set({ status: 'loading', programName: file, failure: undefined });
    try {
      const bytes = await loadExampleBytes(file);
      setUrlProgram(file);
      await get().openBytes(file, bytes);
    } catch (e) {
      set({ status: 'error', failure: asErrorInfo(e) });
    }
  },
  async openBytes(name, bytes) {
    set({ status: 'running', programName: name, failure: undefined, selectedAccess: undefined });
    try {
      const view = await engine().request('runMtrace', { name, bytes });
      set({ view, status: view.error ? 'error' : 'done', failure: view.error });
    } catch (e) {
      set({ status: 'error', failure: asErrorInfo(e) });
    }
  },
  selectAccess(index) {
    set({ selectedAccess: index });
  },
}));
