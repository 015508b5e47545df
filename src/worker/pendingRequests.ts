// Request ids and the promises waiting for their responses: the bookkeeping both transports share.
import {
  EngineClientError,
  type EngineRequest,
  type EngineResponse,
  PROTOCOL_VERSION,
  type RequestMap,
  type RequestOptions,
  type RequestType,
} from './protocol';

interface Waiting {
  resolve(r: unknown): void;
  reject(e: Error): void;
  options?: RequestOptions;
}

export class PendingRequests {
  private nextId = 1;
  private readonly waiting = new Map<number, Waiting>();

  create<K extends RequestType>(
    type: K,
    params: RequestMap[K]['params'],
    options?: RequestOptions,
  ): { request: EngineRequest; promise: Promise<RequestMap[K]['result']> } {
    const id = this.nextId++;
    const request = { v: PROTOCOL_VERSION, id, type, params } as EngineRequest;
    const promise = new Promise<RequestMap[K]['result']>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (r: unknown) => void, reject, options });
    });
    return { request, promise };
  }

  settle(response: EngineResponse): void {
    const w = this.waiting.get(response.id);
    if (w === undefined) return;
    if ('progress' in response) {
      w.options?.onProgress?.(response.progress);
      return;
    }
    this.waiting.delete(response.id);
    if (response.ok) w.resolve(response.result);
    else w.reject(new EngineClientError(response.error));
  }

  get size(): number {
    return this.waiting.size;
  }

  failAll(message: string): void {
    for (const [, w] of this.waiting)
      w.reject(new EngineClientError({ kind: 'internal', message, location: {} }));
    this.waiting.clear();
  }
}
