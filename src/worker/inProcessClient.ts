// EngineClient in the same thread (tests, Node): the same host code as the worker, and messages pass
// through structuredClone so that anything a Worker could not carry fails here too.
import { handleRequest } from './engineHost';
import { PendingRequests } from './pendingRequests';
import type { EngineClient, RequestMap, RequestType } from './protocol';

export class InProcessClient implements EngineClient {
  private readonly pending = new PendingRequests();

  request<K extends RequestType>(type: K, params: RequestMap[K]['params']): Promise<RequestMap[K]['result']> {
    const { request, promise } = this.pending.create(type, params);
    queueMicrotask(() => this.pending.settle(structuredClone(handleRequest(structuredClone(request)))));
    return promise;
  }

  dispose(): void {
    this.pending.failAll('the engine client was disposed');
  }
}
