// Script files must be UTF-8. Decodes strictly and, when the bytes are not UTF-8, names the first line
// that is not, so the user gets `error: line N: ...` like any other script error.

import type { ScriptError } from './mtraceProgram';

export function decodeScriptText(bytes: Uint8Array): { text: string } | { error: ScriptError } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    let line = 1;
    let start = 0;
    for (let i = 0; i <= bytes.length; i++) {
      if (i === bytes.length || bytes[i] === 10) {
        try {
          new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(start, i));
        } catch {
          return { error: { line, message: 'the text is not valid UTF-8' } };
        }
        line++;
        start = i + 1;
      }
    }
    return { error: { line: 1, message: 'the text is not valid UTF-8' } };
  }
}
