// Which openvm.toml settings a program needs that a VmConfig lacks. OpenVM v1.7 checks this when it loads
// the program: a word no configured transpiler extension claims is a transpiler error, and an opcode no
// chip was built for (e.g. a modulus index beyond supported_moduli) is StaticProgramError::ExecutorNotFound
// in InterpretedInstance::new (crates/vm/src/arch/interpreter_preflight.rs) — the whole program is refused.
// memscope lists them when a guest is opened and stops at the first such instruction that executes
// (as for illegal words, so a program can still be stepped up to there).
// Cost: one pass over the decoded text.

import type { DecodedProgram } from '../isa/decoder';
import type { VmConfig } from '../config/vmConfig';
import { decodeAlgebraWord, missingSetting } from './algebra/algebraDecode';

/** One missing setting: what to add and the first instruction that needs it. */
export interface MissingSetting {
  setting: string;
  firstPc: number;
  count: number;
}

// The precompile extensions of part 1 by their ExtensionUse names (opcodes.ts opExtension).
const UNIT_EXTENSIONS: Record<string, { key: 'keccak' | 'sha256' | 'bigint'; setting: string }> = {
  'Keccak-256': { key: 'keccak', setting: '[app_vm_config.keccak]' },
  'SHA2-256': { key: 'sha256', setting: '[app_vm_config.sha256]' },
  'BigInt (Int256)': { key: 'bigint', setting: '[app_vm_config.bigint]' },
};

/** The settings `program` needs beyond `config`, each with its first pc and how many words need it. */
export function missingSettings(program: DecodedProgram, config: VmConfig): MissingSetting[] {
  const out = new Map<string, MissingSetting>();
  const note = (setting: string, pc: number) => {
    const m = out.get(setting);
    if (m === undefined) out.set(setting, { setting, firstPc: pc, count: 1 });
    else m.count++;
  };
  for (const use of program.extensions) {
    const unit = UNIT_EXTENSIONS[use.extension];
    if (unit === undefined) continue;
    const on = unit.key === 'bigint' ? config.bigint !== null : config[unit.key];
    if (!on) out.set(unit.setting, { setting: unit.setting, firstPc: use.firstPc, count: use.count });
  }
  const words = program.words;
  for (let k = 0; k < words.length; k++) {
    if ((words[k] & 0x7f) !== 0x2b) continue;
    const d = decodeAlgebraWord(words[k]);
    if (d === undefined || !('ok' in d)) continue;
    const m = missingSetting(d.ok, config);
    // One entry per setting: "needs at least N entries" keeps the largest N.
    if (m !== null) note(m.replace(/ \(.*\)$/, ''), program.pcBase + 4 * k);
  }
  return collapse([...out.values()]);
}

/** "needs at least 10 entries" and "needs at least 11 entries" of one key -> the larger one. */
function collapse(list: MissingSetting[]): MissingSetting[] {
  const byKey = new Map<string, MissingSetting>();
  for (const m of list) {
    const key = m.setting.replace(/ needs at least \d+ entries$/, '');
    const prev = byKey.get(key);
    const n = (s: string) => Number(/at least (\d+)/.exec(s)?.[1] ?? 0);
    if (prev === undefined) byKey.set(key, { ...m });
    else {
      const bigger = n(m.setting) > n(prev.setting) ? m.setting : prev.setting;
      byKey.set(key, {
        setting: bigger,
        firstPc: Math.min(prev.firstPc, m.firstPc),
        count: prev.count + m.count,
      });
    }
  }
  return [...byKey.values()];
}

/** One line per missing setting, e.g. `[app_vm_config.keccak] (first needed at pc 0x2004f0, 3 words)`. */
export function describeMissing(list: readonly MissingSetting[]): string[] {
  return list.map(
    (m) =>
      `${m.setting} (first needed at pc 0x${m.firstPc.toString(16)}, ${m.count} word${m.count === 1 ? '' : 's'})`,
  );
}
