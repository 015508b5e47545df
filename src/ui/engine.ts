// The app's one EngineClient: the engine runs in a module Web Worker; the UI only asks it for views.
import type { EngineClient } from '../worker/protocol';
import { WorkerClient } from '../worker/workerClient';

let client: EngineClient | undefined;

export function engine(): EngineClient {
  client ??= new WorkerClient();
  return client;
}
