// The CLI's exit codes: the one table that the commands return, `memscope --help` prints and README's
// "Exit codes" list repeats (cliHelp.test.ts checks that README and this table agree line for line).
// Every command uses the same meaning for a code; a command lists the codes it can return.

export const EXIT = {
  /** Done: the output is complete (for `exec`, the guest terminated with exit code 0). */
  ok: 0,
  /** The command line is wrong (unknown command or option, a missing or bad value, a wrong operand count,
   *  a request outside the run such as `--at` past its end) or a named file cannot be read. */
  usage: 1,
  /** An input file is invalid: a script line (`error: line N: <what>`, stdout keeps every line before it),
   *  a rejected ELF (named why), a malformed `--input`, an ELF that `--alloc` cannot interpose, a bad
   *  `--config` or (for `exec --segments/--profile`) one lacking settings the program needs. */
  invalidInput: 2,
  /** The run failed: an OpenVM assertion in `finalize`, or a guest that failed (the summary still prints;
   *  stderr names what and the pc). */
  runFailed: 3,
  /** `exec` stopped at the step limit before the guest terminated (raise `--max-steps`). */
  stepLimit: 4,
  /** `exec`: the guest terminated with a non-zero exit code (the summary holds it). */
  guestExit: 5,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** One line per code, for `--help` and README: `  N  meaning`. */
export const EXIT_CODE_HELP: readonly (readonly [ExitCode, string])[] = [
  [EXIT.ok, 'success (for exec: the guest terminated with exit code 0)'],
  [EXIT.usage, 'usage error (unknown command or option, missing or bad value) or a file that cannot be read'],
  [
    EXIT.invalidInput,
    'invalid input: a script line, an ELF, a guest --input or --config (stderr: error: line N / what)',
  ],
  [
    EXIT.runFailed,
    'the run failed: an OpenVM assertion in finalize, or the guest failed (summary still printed)',
  ],
  [EXIT.stepLimit, 'exec: stopped at the step limit (raise --max-steps)'],
  [EXIT.guestExit, 'exec: the guest terminated with a non-zero exit code'],
];

export function exitCodeLines(codes: readonly ExitCode[] = EXIT_CODE_HELP.map(([c]) => c)): string {
  return EXIT_CODE_HELP.filter(([c]) => codes.includes(c))
    .map(([c, text]) => `  ${c}  ${text}\n`)
    .join('');
}
