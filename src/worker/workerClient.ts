// EngineClient over a module Web Worker (the app's transport). If the worker crashes (an uncaught error,
// out of memory), pending requests fail with a structured error, a new worker is started and the session
// is restored to its last position: the program is re-opened with the same bytes and options (runs are
// deterministic) and sought to the last step a frame reported.
import type { Frame } from '../engine/views/frameTypes';
import { PendingRequests } from './pendingRequests';
import type { EngineClient, EngineResponse, RequestMap, RequestOptions, RequestType } from './protocol';

export class WorkerClient implements EngineClient {
  private worker!: Worker;
  private readonly pending = new PendingRequests();
  private lastOpen: RequestMap['open']['params'] | null = null;
  private lastStep = 0;
  /** Called with the restored frame after a crash (or the error if restoring failed). */
  onRestored: ((frame: Frame | null, error?: Error) => void) | null = null;
  restarts = 0;

  constructor() {
    this.start();
  }

  private start(): void {
    this.worker = new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module' });
    this.worker.addEventListener('message', (e: MessageEvent<EngineResponse>) => this.pending.settle(e.data));
    this.worker.addEventListener('error', (e) => {
      e.preventDefault();
      void this.restart(`the engine worker crashed: ${e.message}`);
    });
  }

  private async restart(reason: string): Promise<void> {
    this.pending.failAll(reason);
    this.worker.terminate();
    this.restarts++;
    this.start();
    if (this.lastOpen === null) return;
    // Read the position first: the re-open's own frame (step 0) would overwrite it.
    const step = this.lastStep;
    try {
      const view = this.lastOpen.view;
      await this.request('open', this.lastOpen);
      const frame = await this.request('control', { control: { op: 'seekStep', step }, view });
      this.onRestored?.(frame);
    } catch (e) {
      this.onRestored?.(null, e as Error);
    }
  }

  request<K extends RequestType>(
    type: K,
    params: RequestMap[K]['params'],
    options?: RequestOptions,
  ): Promise<RequestMap[K]['result']> {
    const { request, promise } = this.pending.create(type, params, options);
    if (type === 'open') this.lastOpen = params as RequestMap['open']['params'];
    this.worker.postMessage(request);
    return promise.then((result) => {
      // Frames (control, run, frame) carry a position; `open` answers with one inside its frame.
      const r = result as { position?: { step: number }; frame?: { position: { step: number } } };
      const position = r.position ?? r.frame?.position;
      if (position !== undefined) this.lastStep = position.step;
      return result;
    });
  }

  /** For tests: makes the worker throw outside any request, as a crash would. */
  crashForTest(): void {
    this.worker.postMessage({ crash: true });
  }

  dispose(): void {
    this.pending.failAll('the engine client was disposed');
    this.worker.terminate();
  }
}
