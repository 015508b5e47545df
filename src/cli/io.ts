// The CLI's window on the world: output streams and file reading, injected so that Vitest can run any
// command in-process and compare its bytes with the golden files.
import { readFileSync } from 'node:fs';

export interface CliIO {
  /** Writes to stdout exactly these characters (no newline added). */
  out(text: string): void;
  /** Writes to stderr exactly these characters (no newline added). */
  err(text: string): void;
  readFile(path: string): Uint8Array;
  /** Present only when stderr is a terminal: replaces the progress line with `line` ('' erases it). */
  progress?: (line: string) => void;
  /** Milliseconds, for progress rates (performance.now when absent). */
  now?: () => number;
}

/** Reads a command's input file; on failure reports `error: cannot read PATH: why` and returns undefined
 *  (the caller exits with EXIT.usage). */
export function readFileOrReport(io: CliIO, path: string): Uint8Array | undefined {
  try {
    return io.readFile(path);
  } catch (e) {
    io.err(`error: cannot read ${path}: ${(e as Error).message}\n`);
    return undefined;
  }
}

/** Buffers stdout so that a run producing millions of lines makes few syscalls. */
export function processIO(): CliIO & { flush(): void } {
  // A reader that stops early (`| head`) closes the pipe: that is the reader's choice, not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  let pending: string[] = [];
  let pendingLength = 0;
  const flush = () => {
    if (pending.length > 0) {
      process.stdout.write(pending.join(''));
      pending = [];
      pendingLength = 0;
    }
  };
  return {
    out(text) {
      pending.push(text);
      pendingLength += text.length;
      if (pendingLength > 1 << 20) flush();
    },
    err(text) {
      flush();
      process.stderr.write(text);
    },
    readFile: (path) => readFileSync(path),
    progress: process.stderr.isTTY ? (line) => process.stderr.write(`\r\x1b[K${line}`) : undefined,
    flush,
  };
}

/** Captures everything, for tests; `terminal` makes stderr behave as a terminal whose clock advances
 *  `msPerRead` at every reading (progress lines are appended to `progressLines`). */
export function captureIO(
  files: Record<string, Uint8Array | string> = {},
  terminal?: { msPerRead: number },
): CliIO & { stdout: string; stderr: string; progressLines: string[] } {
  let clock = 0;
  const io = {
    stdout: '',
    stderr: '',
    progressLines: [] as string[],
    progress: terminal === undefined ? undefined : (line: string) => void io.progressLines.push(line),
    now: terminal === undefined ? undefined : () => (clock += terminal.msPerRead),
    out(text: string) {
      io.stdout += text;
    },
    err(text: string) {
      io.stderr += text;
    },
    readFile(path: string): Uint8Array {
      const f = files[path];
      if (f === undefined) return readFileSync(path);
      return typeof f === 'string' ? new TextEncoder().encode(f) : f;
    },
  };
  return io;
}
