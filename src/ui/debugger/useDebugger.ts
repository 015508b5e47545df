// The app's one debugger store, over the app's engine client (the Worker), and the hook components read it
// through: always with a selector (`useDebugger((s) => s.frame)`), never the whole store, so a component
// re-renders only when what it reads changes.
import { useStore } from 'zustand';
import { engine, onEngineRestored } from '../engine';
import { createDebuggerStore } from './store';
import { browserEnv } from './storeEnv';
import type { DebuggerState } from './storeTypes';

export const debuggerStore = createDebuggerStore(engine(), browserEnv);
onEngineRestored((frame, error) => debuggerStore.getState().restored(frame, error));

export function useDebugger<T>(selector: (s: DebuggerState) => T): T {
  return useStore(debuggerStore, selector);
}
