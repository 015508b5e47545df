// EngineClient over a module Web Worker (the app's transport).
import { PendingRequests } from './pendingRequests';
import type { EngineClient, EngineResponse, RequestMap, RequestType } from './protocol';

export class WorkerClient implements EngineClient {
  private readonly worker: Worker;
  private readonly pending = new PendingRequests();

  constructor() {
    this.worker = new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module' });
    this.worker.addEventListener('message', (e: MessageEvent<EngineResponse>) => this.pending.settle(e.data));
    this.worker.addEventListener('error', (e) => this.pending.failAll(`the engine worker failed: ${e.message}`));
  }

  request<K extends RequestType>(type: K, params: RequestMap[K]['params']): Promise<RequestMap[K]['result']> {
    const { request, promise } = this.pending.create(type, params);
    this.worker.postMessage(request);
    return promise;
  }

  dispose(): void {
    this.pending.failAll('the engine client was disposed');
    this.worker.terminate();
  }
}
