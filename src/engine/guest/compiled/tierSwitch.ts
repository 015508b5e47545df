// Whether new interpreters use the compiled tier (compiledTier.ts), and whether this runtime may generate
// code at all. The tier compiles with `new Function`, which a Content Security Policy without
// 'unsafe-eval' forbids (it throws an EvalError): then every run silently uses the interpreter alone,
// which computes the same thing more slowly. Tests flip the default (MEMSCOPE_TIER=interpreter, see
// tierFromEnv.testutil.ts); vite.config.ts runs the debugger-facing suites a second time with the other
// setting. On by default since issue 24: the debugger suites pass both ways and the fuzzed-ELF safety test
// runs (its "hang" was its own per-identifier assertions, not a run: compiledSafety.test.ts).

let enabled = true;
let allowed: boolean | undefined;

export function setCompiledTierDefault(on: boolean): void {
  enabled = on;
}

export function compiledTierDefault(): boolean {
  return enabled;
}

/** True when `new Function` works here (probed once). */
export function codeGenerationAllowed(): boolean {
  if (allowed === undefined) {
    try {
      allowed = (new Function('return 1') as () => number)() === 1;
    } catch {
      allowed = false;
    }
  }
  return allowed;
}

let threshold = 2;

/** Runs of a block through the interpreter before it is compiled (tests set 0: compile everything at once). */
export function compileThreshold(): number {
  return threshold;
}

export function setCompileThreshold(runs: number): void {
  threshold = runs;
}
