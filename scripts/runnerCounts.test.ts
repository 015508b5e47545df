// npm test's counting: a runner that exits non-zero is never summed as "0 failed" (a CI run once reported
// "e2e: 0 passed, 0 failed" and passed when Playwright could not start: its port was taken).
import { describe, expect, it } from 'vitest';
import { e2eCounts, unitCounts } from './runnerCounts.mjs';

const e2e = (expected: number, unexpected: number, flaky = 0, skipped = 0) => ({
  stats: { expected, unexpected, flaky, skipped },
});
const unit = (passed: number, failed: number) => ({
  numPassedTests: passed,
  numFailedTests: failed,
  numPendingTests: 1,
  numTodoTests: 0,
});

describe('npm test counts each runner from its report and its exit code', () => {
  it('e2e: Playwright could not start (exit 1, an empty report) is a failure', () => {
    expect(e2eCounts(1, e2e(0, 0))).toEqual([0, 1, 0]);
  });
  it('e2e: no report at all is a failure', () => {
    expect(e2eCounts(0, undefined)).toEqual([0, 1, 0]);
  });
  it('e2e: a clean run counts flaky as passed; failures count once each', () => {
    expect(e2eCounts(0, e2e(100, 0, 2, 3))).toEqual([102, 0, 3]);
    expect(e2eCounts(1, e2e(100, 4))).toEqual([100, 4, 0]);
  });
  it('unit: an exit code without a failed test (an error outside tests) is a failure', () => {
    expect(unitCounts(1, unit(10, 0))).toEqual([10, 1, 1]);
    expect(unitCounts(0, unit(10, 0))).toEqual([10, 0, 1]);
    expect(unitCounts(1, unit(10, 2))).toEqual([10, 2, 1]);
  });
});
