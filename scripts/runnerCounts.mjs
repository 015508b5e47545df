// How `npm test` (run-tests.mjs) counts a runner from its exit code and its JSON report: a runner that
// exited non-zero counts at least one failure even when its report shows none (it could not start — a
// busy port, a broken config — and its report, if any, is empty), so the summary line never says
// "0 failed" over a suite that did not run.

/** Vitest's JSON report (numPassedTests …) and exit code → [passed, failed, skipped]. */
export function unitCounts(exitCode, report) {
  if (!report) return [0, 1, 0];
  const failed = report.numFailedTests;
  return [
    report.numPassedTests,
    failed + (exitCode !== 0 && failed === 0 ? 1 : 0),
    report.numPendingTests + report.numTodoTests,
  ];
}

/** Playwright's JSON report (stats.expected …) and exit code → [passed, failed, skipped]. */
export function e2eCounts(exitCode, report) {
  if (!report) return [0, 1, 0];
  const { expected, flaky, unexpected, skipped } = report.stats;
  return [expected + flaky, unexpected + (exitCode !== 0 && unexpected === 0 ? 1 : 0), skipped];
}
