// Test-only helpers (Node APIs allowed here, never imported by engine code): where the guest fixtures are
// and which reference tools are installed. ../shared sits beside the repository; public/examples holds the
// example guests built by examples/guests/build.sh.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const SHARED_GUESTS = path.resolve(REPO_ROOT, '../shared/guests/openvm-v1.7');
export const EXAMPLES = path.resolve(REPO_ROOT, 'public/examples');

export const hasSharedGuests = existsSync(SHARED_GUESTS);

export function sharedElf(name: string): Uint8Array {
  return new Uint8Array(readFileSync(path.join(SHARED_GUESTS, name)));
}

/** Every ELF of ../shared/guests/openvm-v1.7 and public/examples that exists, as [label, absolute path]. */
export function allGuestElfs(): [string, string][] {
  const out: [string, string][] = [];
  for (const dir of [SHARED_GUESTS, EXAMPLES]) {
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).sort())
      if (f.endsWith('.elf')) out.push([`${path.basename(dir)}/${f}`, path.join(dir, f)]);
  }
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
