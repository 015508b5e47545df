// The precompile example guests (examples/guests/{precompile_hash,int256}.c, committed ELFs in
// public/examples) reveal what independent references compute: @noble/hashes keccak_256, Node's crypto
// SHA-256, and the int256.c algorithm redone with BigInt. A missing ELF fails (they are committed).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { keccak_256 } from '@noble/hashes/sha3.js';
import { describe, expect, it } from 'vitest';
import { EXAMPLES } from '../fixtures.testutil';
import { loadGuestProgram } from '../program/guestProgram';
import { GuestRun } from '../guestRun';
import { summarizeRun } from '../runSummary';

function run(name: string, mode: 'persistent' | 'volatile') {
  const r = new GuestRun(loadGuestProgram(new Uint8Array(readFileSync(path.join(EXAMPLES, `${name}.elf`)))), {
    mode,
  });
  r.run(1_000_000);
  return r;
}
const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

describe('precompile_hash.elf: keccak256 and sha256 through their custom opcodes', () => {
  const message = Uint8Array.from({ length: 200 }, (_, i) => (i * 7 + 3) & 0xff);
  const k = hex(keccak_256(message));
  const s = createHash('sha256').update(message).digest('hex');
  for (const mode of ['persistent', 'volatile'] as const)
    it(`${mode}: public values and console digests = @noble/hashes and Node crypto`, () => {
      const r = run('precompile_hash', mode);
      expect(r.machine.error).toBeNull();
      expect(r.machine.exitCode).toBe(0);
      expect(hex(r.publicValues())).toBe(k.slice(0, 32) + s.slice(0, 32));
      expect(r.machine.console).toBe(
        `keccak256(message) = ${k}\nsha256(message)    = ${s}\n` +
          `keccak256('')      = ${hex(keccak_256(new Uint8Array(0)))}\n` +
          `sha256('')         = ${createHash('sha256').update(new Uint8Array(0)).digest('hex')}\n`,
      );
      const summary = summarizeRun(r);
      expect(summary.adapterRows['AccessAdapterAir<16>']).toBeGreaterThan(0); // sha256's 16-cell reads
      expect(summary.adapterRows['AccessAdapterAir<32>']).toBeGreaterThan(0); // its 32-cell digest write
    });
});

describe('int256.elf: 256-bit arithmetic through the Int256 opcodes', () => {
  const M = 1n << 256n;
  const signed = (v: bigint) => (v >= 1n << 255n ? v - M : v);
  let f = 1n;
  for (let i = 2n; i <= 60n; i++) f = (f * i) % M;
  const g = (f >> 7n) ^ ((f << 3n) % M);
  const h = (((f - g) % M) + M) % M;
  const s = (((signed(h) >> 100n) % M) + M) % M;
  let r = (s | 1n) & (M - 256n);
  r += signed(h) < signed(f) ? 1n : 0n;
  r += 2n * (h < f ? 1n : 0n);
  r %= M;
  const le = (v: bigint) => Uint8Array.from({ length: 32 }, (_, i) => Number((v >> BigInt(8 * i)) & 0xffn));
  it('h is negative as a signed value (so sra256 fills with ones)', () => {
    expect(h >= 1n << 255n).toBe(true);
  });
  for (const mode of ['persistent', 'volatile'] as const)
    it(`${mode}: public values = the BigInt result; 32-cell blocks give AccessAdapterAir<32> rows`, () => {
      const run_ = run('int256', mode);
      expect(run_.machine.error).toBeNull();
      expect(run_.machine.exitCode).toBe(0);
      expect(run_.machine.console).toBe('int256 ok\n');
      expect(hex(run_.publicValues())).toBe(hex(le(r)));
      expect(summarizeRun(run_).adapterRows['AccessAdapterAir<32>']).toBeGreaterThan(0);
    });
});

describe('lesson_precompile.elf (lesson 10)', () => {
  it('public values = sha256(text)[0..16), its word 3, then [0..12) again (Node crypto)', () => {
    const r = run('lesson_precompile', 'persistent');
    expect(r.machine.exitCode).toBe(0);
    const d = createHash('sha256').update('memscope: 16 and 32 cells!').digest('hex');
    expect(hex(r.publicValues())).toBe(d.slice(0, 32) + d.slice(24, 32) + d.slice(0, 24));
  });
});
