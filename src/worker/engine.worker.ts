// The module Web Worker that owns the engine: a thin adapter between messages and the SessionHost.
import type { EngineRequest } from './protocol';
import { SessionHost } from './sessionHost';
import { collectTransferables } from '../engine/views/transferable';

// Typed arrays a view created for this answer alone move to the UI (transfer), not copied.
const host = new SessionHost((response) =>
  self.postMessage(response, { transfer: collectTransferables(response) }),
);

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
