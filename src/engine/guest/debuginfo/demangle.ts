// Symbol demangling for display: Rust legacy (`_ZN...17h<hash>E`, hash stripped like rustc-demangle's
// `{:#}`), Rust v0 (`_R...`) and Itanium C++ (`_Z...`). Pure, no dependencies.
// Invariant: demangle never throws and never returns an empty string; a name it cannot parse completely is
// returned unchanged, so a wrong guess is never shown as if it were the real name.

import { demangleItanium } from './demangleItanium';
import { demangleRustLegacy } from './demangleRustLegacy';
import { demangleRustV0 } from './demangleRustV0';

/** Splits a trailing `.llvm.123` / `.cold` style suffix (kept verbatim, as rustc-demangle and c++filt do). */
function splitSuffix(name: string, from: number): [string, string] {
  const dot = name.indexOf('.', from);
  return dot < 0 ? [name, ''] : [name.slice(0, dot), name.slice(dot)];
}

/** ThinLTO's `.llvm.<digits/hex>` rename suffix, which rustc-demangle drops before demangling. */
function stripLlvmSuffix(name: string): string {
  const i = name.indexOf('.llvm.');
  return i >= 0 && /^[0-9A-F@]+$/.test(name.slice(i + 6)) ? name.slice(0, i) : name;
}

export function demangle(rawName: string): string {
  const name = rawName.startsWith('_R') || rawName.startsWith('_ZN') ? stripLlvmSuffix(rawName) : rawName;
  try {
    if (name.startsWith('_R')) {
      const [core, suffix] = splitSuffix(name, 2);
      const out = demangleRustV0(core.slice(2));
      if (out !== undefined) return out + suffix;
    } else if (name.startsWith('_ZN') && name.includes('E')) {
      const legacy = demangleRustLegacy(name);
      if (legacy !== undefined) return legacy;
    }
    if (name.startsWith('_Z')) {
      const [core, suffix] = splitSuffix(name, 2);
      const out = demangleItanium(core);
      if (out !== undefined) return suffix === '' ? out : `${out} [clone ${suffix}]`;
    }
  } catch {
    // A demangler bug must not hide the symbol: fall back to the raw name.
  }
  return rawName;
}
