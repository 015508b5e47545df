// The engine side of the protocol: turns one request into one response. Shared by the Worker entry and the
// in-process client, so both transports run exactly the same code.

import { toErrorInfo } from '../engine/errors';
import { viewMtraceRun } from '../engine/scripts/mtraceView';
import { type EngineRequest, type EngineResponse, PROTOCOL_VERSION } from './protocol';

export function handleRequest(request: EngineRequest): EngineResponse {
  const { id } = request;
  if (request.v !== PROTOCOL_VERSION) {
    return { v: PROTOCOL_VERSION, id, ok: false, error: { kind: 'internal', message: `protocol version ${request.v} is not ${PROTOCOL_VERSION}`, location: {} } };
  }
  try {
    switch (request.type) {
      case 'ping':
        return { v: PROTOCOL_VERSION, id, ok: true, result: { version: PROTOCOL_VERSION } };
      case 'runMtrace':
        return { v: PROTOCOL_VERSION, id, ok: true, result: viewMtraceRun(request.params.name, request.params.bytes) };
    }
  } catch (e) {
    return { v: PROTOCOL_VERSION, id, ok: false, error: toErrorInfo(e) };
  }
  const unknown: { type: string } = request;
  return { v: PROTOCOL_VERSION, id, ok: false, error: { kind: 'internal', message: `unknown request ${unknown.type}`, location: {} } };
}
