// EngineClient in the same thread (tests, Node): the same host code as the worker, and messages pass
// through structuredClone so that anything a Worker could not carry fails here too.
import { PendingRequests } from './pendingRequests';
import type { EngineClient, RequestMap, RequestOptions, RequestType } from './protocol';
import { SessionHost } from './sessionHost';

export class InProcessClient implements EngineClient {
  private readonly pending = new PendingRequests();
  private readonly host = new SessionHost((response) => this.pending.settle(structuredClone(response)));

  request<K extends RequestType>(
    type: K,
    params: RequestMap[K]['params'],
    options?: RequestOptions,
  ): Promise<RequestMap[K]['result']> {
    const { request, promise } = this.pending.create(type, params, options);
    queueMicrotask(() => void this.host.handle(structuredClone(request)));
    return promise;
  }

  dispose(): void {
    this.pending.failAll('the engine client was disposed');
  }
}
