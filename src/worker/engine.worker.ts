// The module Web Worker that owns the engine. A thin adapter: every message is one request.
import { handleRequest } from './engineHost';
import type { EngineRequest } from './protocol';

self.addEventListener('message', (e: MessageEvent<EngineRequest>) => {
  self.postMessage(handleRequest(e.data));
});
