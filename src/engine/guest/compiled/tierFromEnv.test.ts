// The tier a test run uses follows MEMSCOPE_TIER (tierFromEnv.testutil.ts), and the second vitest project
// (vite.config.ts: the debugger-facing suites with the other setting) really runs with it: a project
// named `debugger (X)` has MEMSCOPE_TIER=X and the tier set accordingly.
import { describe, expect, it } from 'vitest';
import { compiledTierDefault } from './tierSwitch';

describe('MEMSCOPE_TIER', () => {
  it('sets the compiled tier default of this run, and the debugger project runs with its own setting', ({
    task,
  }) => {
    const tier = process.env.MEMSCOPE_TIER;
    const project = /^debugger \((\w+)\)$/.exec(task.file.projectName ?? '');
    if (project !== null) expect(tier).toBe(project[1]);
    if (tier === 'interpreter') expect(compiledTierDefault()).toBe(false);
    if (tier === 'compiled' || tier === 'eager') expect(compiledTierDefault()).toBe(true);
  });
});
