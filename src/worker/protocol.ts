// The typed, versioned message protocol between the app and the engine worker. Every request carries an
// id; every response answers one id with a result or a structured error (never a thrown exception).
// `EngineClient` is the one interface the UI uses; it has a Worker transport (workerClient.ts) and an
// in-process transport (inProcessClient.ts) for tests.

import type { ErrorInfo } from '../engine/errors';
import type { MtraceRunView } from '../engine/scripts/mtraceView';

export const PROTOCOL_VERSION = 1;

export interface RequestMap {
  runMtrace: { params: { name: string; bytes: Uint8Array }; result: MtraceRunView };
  ping: { params: Record<string, never>; result: { version: number } };
}
export type RequestType = keyof RequestMap;

export type EngineRequest = {
  [K in RequestType]: { v: typeof PROTOCOL_VERSION; id: number; type: K; params: RequestMap[K]['params'] };
}[RequestType];

export type EngineResponse =
  | { v: typeof PROTOCOL_VERSION; id: number; ok: true; result: unknown }
  | { v: typeof PROTOCOL_VERSION; id: number; ok: false; error: ErrorInfo };

/** An engine failure as seen by a client: the structured error the engine sent. */
export class EngineClientError extends Error {
  readonly info: ErrorInfo;
  constructor(info: ErrorInfo) {
    super(info.message);
    this.name = 'EngineClientError';
    this.info = info;
  }
}

export interface EngineClient {
  request<K extends RequestType>(type: K, params: RequestMap[K]['params']): Promise<RequestMap[K]['result']>;
  dispose(): void;
}
