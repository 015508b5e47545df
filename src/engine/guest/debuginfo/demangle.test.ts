// Demangling: documented examples (rustc-demangle's README, the Itanium C++ ABI), and differential checks
// against GNU c++filt (Rust legacy names of the real guests, C++ names compiled by clang in testdata/) and
// llvm-cxxfilt (Rust v0) when those tools are installed.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { demangle } from './demangle';
import { loadElf } from '../program/elf';
import { allGuestElfs, cxxfilt, llvmCxxfilt, needs, REPO_ROOT, sharedGuests } from '../fixtures.testutil';
import { readSymbols } from '../program/symbols';

const testdata = (f: string) =>
  readFileSync(path.join(REPO_ROOT, 'src/engine/guest/debuginfo/testdata', f), 'utf8')
    .split('\n')
    .filter(Boolean);
const filter = (tool: string, names: string[]) =>
  execFileSync(tool, [], { input: names.join('\n') + '\n', encoding: 'utf8' })
    .trimEnd()
    .split('\n');

describe('documented examples', () => {
  it('Rust legacy (rustc-demangle README, alternate format without the hash)', () => {
    expect(demangle('_ZN4testE')).toBe('test');
    expect(demangle('_ZN3foo3barE')).toBe('foo::bar');
    expect(demangle('_ZN3foo17h05af221e174051e9E')).toBe('foo');
    expect(demangle('foo')).toBe('foo');
  });
  it('Itanium C++ ABI', () => {
    expect(demangle('_Z1fv')).toBe('f()');
    expect(demangle('_ZN1N1fEi')).toBe('N::f(int)');
    expect(demangle('_ZNK1A1fEv')).toBe('A::f() const');
    expect(demangle('_ZN1A1BC2Ev')).toBe('A::B::B()');
  });
  it('gives the raw name back for anything it cannot parse', () => {
    for (const bad of ['_ZN3foo', '_ZN999fooE', '_RNv', '_Z', '_Zx', '_RNvC1a', '_ZN3foo$XX$E'])
      expect(demangle(bad)).toBe(bad);
  });
});

describe.runIf(needs(cxxfilt()))('agrees with GNU c++filt', () => {
  it('C++ names compiled by clang (debuginfo/testdata/cxx-symbols.txt)', () => {
    const names = testdata('cxx-symbols.txt');
    expect(names.map(demangle)).toEqual(filter('c++filt', names));
  });
  // the Rust guests are the real ones of ../shared (the examples are C)
  it.runIf(needs(sharedGuests()))(
    'every Rust legacy symbol of the guest ELFs (hash dropped, as rustc-demangle {:#})',
    () => {
      const names = new Set<string>();
      for (const [, file] of allGuestElfs()) {
        const bytes = new Uint8Array(readFileSync(file));
        for (const s of readSymbols(bytes, loadElf(bytes).sections).symbols)
          if (s.name.startsWith('_ZN')) names.add(s.name);
      }
      const list = [...names];
      // c++filt keeps the hash and drops LLVM suffixes (`.llvm.123`, `.0`); rustc-demangle drops the hash and
      // keeps `.0`: compare with both conventions normalised away.
      const strip = (s: string) =>
        s.replace(/::h[0-9a-f]{16}$/, '').replace(/(\.llvm\.[0-9A-F]+|\.[0-9]+)+$/, '');
      const ref = filter('c++filt', list).map(strip);
      expect(list.map((n) => strip(demangle(n)))).toEqual(ref);
      expect(list.length).toBeGreaterThan(0);
    },
  );
});

describe.runIf(needs(llvmCxxfilt()))('agrees with llvm-cxxfilt on Rust v0 names', () => {
  it('debuginfo/testdata/rust-v0-symbols.txt', () => {
    const names = testdata('rust-v0-symbols.txt');
    expect(names.map(demangle)).toEqual(filter('llvm-cxxfilt', names));
  });
});
