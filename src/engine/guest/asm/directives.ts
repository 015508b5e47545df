// The assembler's directives (GNU as names and meanings, binutils gas/doc/as.texi; RISC-V `.align n` is
// 2^n bytes as in gas/config/tc-riscv.c): sections, data, alignment, constants; and those a compiler's
// output carries that change nothing here (.globl, .type, .size, .file, .option, .attribute, .cfi_*).
// Called twice per statement: pass 1 for the size (and section / constant), pass 2 (emit) for the bytes.
// Data must be naturally aligned: a `.word` at an offset that is not a multiple of 4 is an error (RISC-V
// gas would emit it unaligned; OpenVM's loads of it would then be misaligned accesses).

import { AsmFailure, evaluate, stringBytes, type Scope, type SourceLine } from './asmSyntax';
import * as E from './encode';

export type SectionName = 'text' | 'data' | 'bss';

export interface DirectiveResult {
  size: number;
  section?: SectionName;
  constant?: { name: string; value: number };
  bytes?: Uint8Array;
}

const IGNORED = new Set([
  '.globl',
  '.global',
  '.local',
  '.weak',
  '.hidden',
  '.type',
  '.size',
  '.file',
  '.ident',
  '.option',
  '.attribute',
  '.end',
]);

const DATA: Record<string, { width: 1 | 2 | 4; min: number; max: number }> = {
  '.byte': { width: 1, min: -128, max: 255 },
  '.half': { width: 2, min: -32768, max: 65535 },
  '.short': { width: 2, min: -32768, max: 65535 },
  '.2byte': { width: 2, min: -32768, max: 65535 },
  '.word': { width: 4, min: -0x80000000, max: 0xffffffff },
  '.long': { width: 4, min: -0x80000000, max: 0xffffffff },
  '.4byte': { width: 4, min: -0x80000000, max: 0xffffffff },
};

export const DIRECTIVES: readonly string[] = [
  '.text',
  '.data',
  '.rodata',
  '.bss',
  '.section',
  ...Object.keys(DATA),
  '.space',
  '.zero',
  '.ascii',
  '.asciz',
  '.string',
  '.align',
  '.p2align',
  '.balign',
  '.equ',
  '.set',
  ...IGNORED,
];

export const isDirective = (op: string) => op.startsWith('.') && op !== '.';

function sectionOf(name: string, column: number): SectionName {
  if (/^\.text/.test(name)) return 'text';
  if (/^\.(s?data|rodata|srodata)/.test(name)) return 'data';
  if (/^\.s?bss/.test(name)) return 'bss';
  throw new AsmFailure(column, `unknown section \`${name}\` (known: .text, .data, .rodata, .bss)`);
}

export function directiveSize(
  src: SourceLine,
  section: SectionName,
  offset: number,
  scope: Scope,
  emit = false,
): DirectiveResult {
  const op = src.op!;
  const ops = src.operands;
  const need = (min: number, max = min) => {
    if (ops.length < min || ops.length > max)
      throw new AsmFailure(
        op.column,
        `\`${op.text}\` takes ${min === max ? min : `${min}..${max}`} operand${max === 1 ? '' : 's'}, ${ops.length} given`,
      );
  };
  const constant = (k: number) => evaluate(ops[k].text, ops[k].column, scope).value;
  const noBss = () => {
    if (section === 'bss')
      throw new AsmFailure(op.column, `\`${op.text}\` puts bytes in .bss, which only takes .space/.zero`);
  };
  const name = op.text;
  if (IGNORED.has(name) || name.startsWith('.cfi_')) return { size: 0 };
  if (name === '.text' || name === '.data' || name === '.bss' || name === '.rodata') {
    need(0);
    return { size: 0, section: sectionOf(name, op.column) };
  }
  if (name === '.section') {
    need(1, 3);
    return { size: 0, section: sectionOf(ops[0].text, ops[0].column) };
  }
  if (name === '.equ' || name === '.set') {
    need(2);
    if (!/^[A-Za-z_.$][A-Za-z0-9_.$]*$/.test(ops[0].text))
      throw new AsmFailure(ops[0].column, `\`${ops[0].text}\` is not a symbol name`);
    return { size: 0, constant: { name: ops[0].text, value: constant(1) } };
  }
  const data = DATA[name];
  if (data !== undefined) {
    if (ops.length === 0) throw new AsmFailure(op.column, `\`${name}\` needs at least one value`);
    noBss();
    if (offset % data.width !== 0)
      throw new AsmFailure(
        op.column,
        `misaligned ${name}: offset ${offset} in .${section} is not a multiple of ${data.width} (add .align ${Math.log2(data.width)})`,
      );
    const size = data.width * ops.length;
    if (!emit) return { size };
    const bytes = new Uint8Array(size);
    const view = new DataView(bytes.buffer);
    ops.forEach((o, k) => {
      const v = evaluate(o.text, o.column, scope).value;
      if (v < data.min || v > data.max)
        throw new AsmFailure(o.column, `value ${v} does not fit in ${name} (${data.min}..${data.max})`);
      if (data.width === 1) bytes[k] = v & 0xff;
      else if (data.width === 2) view.setUint16(2 * k, v & 0xffff, true);
      else view.setUint32(4 * k, v >>> 0, true);
    });
    return { size, bytes };
  }
  if (name === '.space' || name === '.zero') {
    need(1, 2);
    const n = constant(0);
    if (!Number.isInteger(n) || n < 0 || n > 1 << 24)
      throw new AsmFailure(ops[0].column, `${name} size ${n} out of range (0..16 MiB)`);
    const fill = ops.length === 2 ? constant(1) & 0xff : 0;
    if (fill !== 0) noBss();
    return { size: n, bytes: emit ? new Uint8Array(n).fill(fill) : undefined };
  }
  if (name === '.ascii' || name === '.asciz' || name === '.string') {
    if (ops.length === 0) throw new AsmFailure(op.column, `\`${name}\` needs a string`);
    noBss();
    const bytes = ops.flatMap((o) => [...stringBytes(o.text, o.column), ...(name === '.ascii' ? [] : [0])]);
    return { size: bytes.length, bytes: Uint8Array.from(bytes) };
  }
  if (name === '.align' || name === '.p2align' || name === '.balign') {
    need(1, 2);
    const v = constant(0);
    const align = name === '.balign' ? v : 2 ** v;
    if (!Number.isInteger(align) || align < 1 || align > PAGE_MAX || (align & (align - 1)) !== 0)
      throw new AsmFailure(ops[0].column, `alignment ${align} is not a power of two up to ${PAGE_MAX}`);
    const size = (align - (offset % align)) % align;
    if (!emit) return { size };
    const bytes = new Uint8Array(size);
    // gas pads code with nops where it can (whole words), data with zeros.
    if (section === 'text' && offset % 4 === 0)
      for (let k = 0; k + 4 <= size; k += 4) new DataView(bytes.buffer).setUint32(k, E.addi(0, 0, 0), true);
    return { size, bytes };
  }
  throw new AsmFailure(op.column, `unknown directive \`${name}\``);
}

const PAGE_MAX = 4096;
