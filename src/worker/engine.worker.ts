// The module Web Worker that owns the engine: a thin adapter between messages and the SessionHost.
import type { EngineRequest } from './protocol';
import { SessionHost } from './sessionHost';

const host = new SessionHost((response) => self.postMessage(response));

self.addEventListener('message', (e: MessageEvent<EngineRequest | { crash: true }>) => {
  if ('crash' in e.data) {
    // Test hook for the client's crash recovery: an error no request handler catches.
    setTimeout(() => {
      throw new Error('simulated engine crash');
    });
    return;
  }
  void host.handle(e.data);
});
