// Vitest setup (vite.config.ts setupFiles): MEMSCOPE_TIER=interpreter turns the compiled tier off for a
// whole test run, so the existing suites (debugger, gdbserver, timeline, metering) run both ways:
//   npx vitest run …                              compiled tier on (the default, see tierSwitch.ts)
//   MEMSCOPE_TIER=interpreter npx vitest run …    interpreter alone
//   MEMSCOPE_TIER=compiled npx vitest run …       compiled tier on
//   MEMSCOPE_TIER=eager npx vitest run …          compiled tier, every block compiled at first sight
import { setCompileThreshold, setCompiledTierDefault } from './tierSwitch';

const tier = process.env.MEMSCOPE_TIER;
if (tier === 'interpreter') setCompiledTierDefault(false);
else if (tier === 'compiled') setCompiledTierDefault(true);
else if (tier === 'eager') {
  setCompiledTierDefault(true);
  setCompileThreshold(0);
} else if (tier !== undefined && tier !== '' && tier !== 'compiled')
  throw new Error(`MEMSCOPE_TIER=${tier}: expected compiled, interpreter or eager`);
