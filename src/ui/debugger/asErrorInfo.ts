// Any failure as the structured error the banner shows (engine errors keep their kind and location).
import type { ErrorInfo } from '../../engine/errors';
import { EngineClientError } from '../../worker/protocol';

export function asErrorInfo(e: unknown): ErrorInfo {
  if (e instanceof EngineClientError) return e.info;
  return { kind: 'internal', message: e instanceof Error ? e.message : String(e), location: {} };
}
