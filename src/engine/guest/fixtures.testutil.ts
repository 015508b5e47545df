// Test-only helpers (Node APIs allowed here, never imported by engine code): where the fixtures are, which
// reference tools are installed, and `needs`, the one gate for tests that depend on them.
//   ../shared (golden outputs, OpenVM guests) sits beside the repository; MEMSCOPE_SHARED overrides the path
//   (relative to the repository), e.g. MEMSCOPE_SHARED=/nonexistent to check that CI notices it is gone.
//   public/examples holds the example guests built by examples/guests/build.sh (committed).
// A test that depends on a fixture or a tool is written `describe.runIf(needs(sharedFile('x'), tool('y')))`:
// outside CI a missing one skips the test with a note naming it; with CI=true it FAILS — `needs` registers a
// test "needs: <what>" that throws naming what is missing and how to get it — so a whole class of
// conformance tests cannot vanish from CI unnoticed.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { it } from 'vitest';
import { parseOpenVmToml, type VmConfig } from './config/vmConfig';
import { parseInput, type GuestInput } from './io/input';
import { loadGuestProgram, type GuestProgram } from './program/guestProgram';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const SHARED = path.resolve(REPO_ROOT, process.env.MEMSCOPE_SHARED || '../shared');
export const SHARED_GUESTS = path.join(SHARED, 'guests/openvm-v1.7');
export const EXAMPLES = path.resolve(REPO_ROOT, 'public/examples');

/** CI=true (or 1): missing fixtures and tools fail instead of skipping. */
export const IN_CI = process.env.CI === 'true' || process.env.CI === '1';

/** Something a test needs: a path or a tool, whether it is there, and how to get it. */
export interface Need {
  what: string;
  present: boolean;
  hint: string;
}

/** A file or directory under ../shared (MEMSCOPE_SHARED). */
export function sharedFile(relative: string): Need {
  const p = path.join(SHARED, relative);
  return {
    what: p,
    present: existsSync(p),
    hint: 'clone ../shared beside the repository or set MEMSCOPE_SHARED',
  };
}

/** A file or directory of this repository (e.g. public/examples/hello.elf). */
export function repoFile(relative: string): Need {
  const p = path.join(REPO_ROOT, relative);
  return {
    what: p,
    present: existsSync(p),
    hint: 'it is committed; examples/guests/build.sh rebuilds the ELFs',
  };
}

const toolCache = new Map<string, boolean>();

/** A reference tool on PATH (`tool --version` exits 0); `install` says how to get it. */
export function tool(name: string, install: string): Need {
  let present = toolCache.get(name);
  if (present === undefined) toolCache.set(name, (present = hasTool(name)));
  return { what: `the tool ${name}`, present, hint: install };
}

/**
 * True when every need is present. Otherwise false (the caller skips its tests with `runIf`/`skipIf`) and:
 * outside CI a note names what is missing; with CI=true a failing test "needs: <what>" is registered in the
 * current suite, so the run fails and says what to install.
 */
export function needs(...items: Need[]): boolean {
  const missing = items.filter((n) => !n.present);
  if (missing.length === 0) return true;
  const text = missing.map((n) => `${n.what} (${n.hint})`).join('; ');
  if (IN_CI) {
    it(`needs: ${missing.map((n) => n.what).join(', ')}`, () => {
      throw new Error(`missing ${text}; with CI=true a missing fixture or reference tool is a failure`);
    });
  } else console.warn(`note: skipping tests that need ${text}`);
  return false;
}

/** OpenVM v1.7's 19 benchmark guests, with their openvm.toml and inputs. */
export const BENCH_GUESTS = path.join(SHARED, 'guests/openvm-v1.7-benchmarks');

/** A benchmark guest's openvm.toml: examples/configs' where the repository has a fuller one (kitchen-sink). */
export function benchConfig(name: string): VmConfig {
  const ours = path.join(REPO_ROOT, `examples/configs/${name}.elf.openvm.toml`);
  const file = existsSync(ours) ? ours : path.join(BENCH_GUESTS, `${name}.openvm.toml`);
  return parseOpenVmToml(readFileSync(file, 'utf8'), path.basename(file));
}

/** A guest ELF on disk, loaded. */
export const loadGuestFile = (file: string): GuestProgram =>
  loadGuestProgram(new Uint8Array(readFileSync(file)));

/** An input .json on disk, parsed; undefined when there is no such file (the guest reads none). */
export const inputFile = (file: string): GuestInput | undefined =>
  existsSync(file) ? parseInput(readFileSync(file, 'utf8')) : undefined;

export function sharedElf(name: string): Uint8Array {
  return new Uint8Array(readFileSync(path.join(SHARED_GUESTS, name)));
}

/** The files of `dir` ending with `ext`, sorted; none when `dir` is absent (gate the caller with `needs`). */
export function filesIn(dir: string, ext: string): string[] {
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith(ext))
        .sort()
    : [];
}

/** Every ELF of ../shared/guests/openvm-v1.7 and public/examples that exists, as [label, absolute path]. */
export function allGuestElfs(): [string, string][] {
  const out: [string, string][] = [];
  for (const dir of [SHARED_GUESTS, EXAMPLES])
    for (const f of filesIn(dir, '.elf')) out.push([`${path.basename(dir)}/${f}`, path.join(dir, f)]);
  return out;
}

/** True if `tool` runs (`tool --version` exits 0). */
export function hasTool(tool: string): boolean {
  try {
    execFileSync(tool, ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** The reference tools, with the Debian package that provides each (.ci/run installs them). */
export const OBJDUMP = 'riscv64-unknown-elf-objdump';
export const objdump = () => tool(OBJDUMP, 'apt-get install binutils-riscv64-unknown-elf');
export const qemu = () => tool('qemu-riscv32', 'apt-get install qemu-user');
export const cxxfilt = () => tool('c++filt', 'apt-get install binutils');
export const llvmCxxfilt = () => tool('llvm-cxxfilt', 'apt-get install llvm');

/** The shared guests every real-guest test uses (fibonacci is the one the benches and seek tests use). */
export const sharedGuests = () => sharedFile('guests/openvm-v1.7/fibonacci.elf');
/** The example guests the time-travel and allocator tests use. */
export const exampleElfs = () =>
  ['hello', 'hashmap', 'matmul', 'sum_input'].map((n) => repoFile(`public/examples/${n}.elf`));
