import { describe, expect, it } from 'vitest';
import { EngineError } from '../../errors';
import { addi, terminate } from '../asm/encode';
import { loadElf, PF_R, PF_W, PF_X } from './elf';
import { buildElf, patch, wordsToBytes } from './elfWriter';
import { needs, sharedElf, sharedGuests } from '../fixtures.testutil';
import { readSymbols } from './symbols';

const TEXT = wordsToBytes([addi(10, 0, 5), terminate(0)]);
const good = () =>
  buildElf(0x200800, [
    { vaddr: 0x200800, data: TEXT, flags: PF_R | PF_X },
    { vaddr: 0x201000, data: new Uint8Array([1, 2, 3, 4, 5]), memsz: 64, flags: PF_R | PF_W },
  ]);

function rejection(bytes: Uint8Array): EngineError {
  try {
    loadElf(bytes);
  } catch (e) {
    expect(e).toBeInstanceOf(EngineError);
    expect((e as EngineError).kind).toBe('elf');
    return e as EngineError;
  }
  throw new Error('the ELF was accepted');
}

describe('loadElf', () => {
  it('loads a well-formed ELF: entry, pc_base, instructions, image with zero-padded words and bss', () => {
    const elf = loadElf(good());
    expect(elf.entry).toBe(0x200800);
    expect(elf.pcBase).toBe(0x200800);
    expect(Array.from(elf.instructions)).toEqual([addi(10, 0, 5), terminate(0)]);
    const data = elf.image.find((w) => w.kind === 'words' && w.address === 0x201000);
    expect(data && data.kind === 'words' && Array.from(data.words)).toEqual([0x04030201, 0x05]);
    expect(elf.image).toContainEqual({ kind: 'zeros', address: 0x201008, byteLength: 56 });
  });

  it('rejects what OpenVM rejects, naming what and where', () => {
    const bytes = good();
    expect(rejection(bytes.slice(0, 10)).message).toMatch(/too short/);
    expect(rejection(bytes.slice(0, 40)).message).toMatch(/52-byte ELF32 header/);
    expect(rejection(patch(bytes, 0, 0x7e, 1)).message).toMatch(/bad magic/);
    expect(rejection(patch(bytes, 4, 2, 1)).message).toBe('Not a 32-bit ELF (EI_CLASS = 2, ELF64)');
    expect(rejection(patch(bytes, 5, 2, 1)).message).toMatch(/big-endian/);
    expect(rejection(patch(bytes, 18, 62, 2)).message).toMatch(
      /^Invalid machine type, must be RISC-V \(e_machine = 62/,
    );
    expect(rejection(patch(bytes, 16, 3, 2)).message).toMatch(/^Invalid ELF type, must be executable/);
    expect(rejection(patch(bytes, 24, 0x200802, 4)).message).toMatch(/^Invalid entrypoint 0x00200802/);
    expect(rejection(patch(bytes, 24, 0x20000000, 4)).message).toMatch(/^Invalid entrypoint 0x20000000/);
    expect(rejection(patch(bytes, 44, 0, 2)).message).toMatch(/^Missing segment table/);
    expect(rejection(patch(bytes, 44, 300, 2)).message).toMatch(/program header table .* past the end/);
  });

  it('rejects lying program headers', () => {
    const bytes = good();
    const ph0 = 52;
    // p_offset of the text segment past the end of the file
    const e1 = rejection(patch(bytes, ph0 + 4, bytes.length + 100, 4));
    expect(e1.message).toMatch(/^Invalid segment offset: PT_LOAD segment 0 \(vaddr 0x00200800\)/);
    // p_filesz larger than the file (but < 2^29)
    expect(rejection(patch(patch(bytes, ph0 + 16, 0x100000, 4), ph0 + 20, 0x100000, 4)).message).toMatch(
      /^Invalid segment offset/,
    );
    expect(rejection(patch(bytes, ph0 + 16, 2 ** 29, 4)).message).toMatch(/^invalid segment file_size/);
    expect(rejection(patch(bytes, ph0 + 20, 2 ** 29, 4)).message).toMatch(/^Invalid segment mem_size/);
    expect(rejection(patch(bytes, ph0 + 8, 0x200802, 4)).message).toMatch(/^vaddr 00200802 is unaligned/);
    // a segment reaching past 2^29
    expect(rejection(patch(bytes, ph0 + 32 + 8, 2 ** 29 - 8, 4)).message).toMatch(
      /^address \[0x20000000\] exceeds maximum address/,
    );
    // two executable segments with a gap
    const twoExec = buildElf(0x200800, [
      { vaddr: 0x200800, data: TEXT, flags: PF_R | PF_X },
      { vaddr: 0x202000, data: TEXT, flags: PF_R | PF_X },
    ]);
    expect(rejection(twoExec).message).toBe(
      'Non-contiguous executable segments are not supported: previous segment ended at 0x00200808, next segment starts at 0x00202000',
    );
    // ...and contiguous ones are one program, in vaddr order whatever the header order
    const contiguous = buildElf(0x200800, [
      { vaddr: 0x200808, data: wordsToBytes([terminate(1)]), flags: PF_R | PF_X },
      { vaddr: 0x200800, data: TEXT, flags: PF_R | PF_X },
    ]);
    expect(Array.from(loadElf(contiguous).instructions)).toEqual([
      addi(10, 0, 5),
      terminate(0),
      terminate(1),
    ]);
  });

  it('reads .symtab', () => {
    const bytes = buildElf(
      0x200800,
      [{ vaddr: 0x200800, data: TEXT, flags: PF_R | PF_X }],
      [
        { name: 'main', value: 0x200800, size: 8 },
        { name: '_ZN3foo3barE', value: 0x200804 },
      ],
    );
    const symbols = readSymbols(bytes, loadElf(bytes).sections);
    expect(symbols.describe(0x200800)).toBe('main');
    expect(symbols.describe(0x200806)).toBe('foo::bar+0x2');
    expect(symbols.get('main')?.size).toBe(8);
  });
});

// Entry points and executable word counts of the committed benchmark ELFs (spec section 8 table).
const PUBLISHED: Record<string, [number, number]> = {
  'fibonacci.elf': [0x200fd4, 6900],
  'fibonacci_recursive.elf': [0x200e20, 5193],
  'bubblesort.elf': [0x2010cc, 5388],
  'base64_json.elf': [0x209fdc, 22278],
};

describe.runIf(needs(sharedGuests()))('the real OpenVM guests load as the spec describes', () => {
  for (const [name, [entry, words]] of Object.entries(PUBLISHED)) {
    it(name, () => {
      const elf = loadElf(sharedElf(name));
      expect(elf.entry).toBe(entry);
      expect(elf.instructions.length).toBe(words);
      expect(elf.pcBase).toBe(0x200800);
      expect(elf.programHeaders.filter((p) => p.type === 1)).toHaveLength(4);
    });
  }
});
