// A lesson file that breaks the narration convention (README.md) is an EngineError('script') with the
// offending line, so the UI shows it like any other script error.
import { EngineError } from '../errors';

export function lessonError(message: string, line?: number): EngineError {
  return new EngineError('script', `lesson: ${message}`, line === undefined ? {} : { line });
}
