// The app's one EngineClient: the engine runs in a module Web Worker; the UI only asks it for views.
// If the worker crashes, the client restarts it and restores the session (workerClient.ts); the store
// learns of it through `onEngineRestored`.
import type { Frame } from '../engine/views/frameTypes';
import type { EngineClient } from '../worker/protocol';
import { WorkerClient } from '../worker/workerClient';

declare global {
  interface Window {
    /** The engine client, for tests that exercise crash recovery. */
    memscopeEngine?: WorkerClient;
  }
}

let client: WorkerClient | undefined;
let restoredListener: ((frame: Frame | null, error?: Error) => void) | null = null;

export function engine(): EngineClient {
  if (client === undefined) {
    client = new WorkerClient();
    client.onRestored = (frame, error) => restoredListener?.(frame, error);
    window.memscopeEngine = client;
  }
  return client;
}

export function onEngineRestored(listener: (frame: Frame | null, error?: Error) => void): void {
  restoredListener = listener;
}
