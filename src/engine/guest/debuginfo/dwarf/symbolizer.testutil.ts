// Test-only: `llvm-symbolizer --inlining` (LLVM's DWARF symbolizer, an independent implementation) as the
// reference for the frames at an address: innermost inlined call first, each with function, file, line
// and column (outer frames at their call site).
import { execFileSync } from 'node:child_process';
import { hasTool } from '../../fixtures.testutil';

export const SYMBOLIZER = 'llvm-symbolizer';
export const hasSymbolizer = hasTool(SYMBOLIZER);

export interface RefFrame {
  function: string;
  file: string;
  line: number;
  column: number;
}

export function symbolize(file: string, pcs: readonly number[]): RefFrame[][] {
  const input = pcs.map((pc) => `0x${pc.toString(16)}`).join('\n') + '\n';
  const out = execFileSync(SYMBOLIZER, [`--obj=${file}`, '--inlining', '--functions=linkage'], {
    input,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  return out
    .trimEnd()
    .split(/\n\n/)
    .map((group) =>
      group.split('\n').reduce<RefFrame[]>((frames, line, i, lines) => {
        if (i % 2 === 1) return frames;
        const m = /^(.*):(\d+):(\d+)$/.exec(lines[i + 1]);
        frames.push({
          function: line,
          file: m ? m[1] : '??',
          line: m ? Number(m[2]) : 0,
          column: m ? Number(m[3]) : 0,
        });
        return frames;
      }, []),
    );
}
