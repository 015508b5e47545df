// Test-only: a generated corpus of RV32IM assembly in the syntax both GNU as and our assembler read: every
// RV32IM instruction and every pseudo-instruction of instructions.ts, random registers, immediates at and
// inside their limits, branches to nearby labels both ways, jumps, calls and `la`/`lw` of data labels, and
// data directives. Deterministic (one seed).
import { Random } from '../../random';
import { REG_NAMES } from '../isa/registerNames';

const R = ['add', 'sub', 'sll', 'slt', 'sltu', 'xor', 'srl', 'sra', 'or', 'and'];
const M = ['mul', 'mulh', 'mulhsu', 'mulhu', 'div', 'divu', 'rem', 'remu'];
const I = ['addi', 'slti', 'sltiu', 'xori', 'ori', 'andi'];
const SHIFT = ['slli', 'srli', 'srai'];
const LOAD = ['lb', 'lh', 'lw', 'lbu', 'lhu'];
const STORE = ['sb', 'sh', 'sw'];
const BRANCH = ['beq', 'bne', 'blt', 'bge', 'bltu', 'bgeu', 'bgt', 'ble', 'bgtu', 'bleu'];
const BRANCHZ = ['beqz', 'bnez', 'bltz', 'bgez', 'blez', 'bgtz'];
const UNARY = ['mv', 'not', 'neg', 'seqz', 'snez', 'sltz', 'sgtz', 'zext.b'];
const FENCE = ['r', 'w', 'rw', 'i', 'o', 'io', 'iorw', 'ow'];

export function generateCorpus(lines: number, seed = 26): string {
  const rnd = new Random(seed);
  const reg = () => (rnd.chance(0.3) ? `x${rnd.below(32)}` : rnd.pick(REG_NAMES));
  const imm12 = () => rnd.pick([-2048, 2047, 0, -1, 1, rnd.below(4096) - 2048]);
  const out: string[] = ['.text', '.globl _start', '_start:'];
  const labelCount = Math.ceil(lines / 8);
  const label = (n: number) => `L${Math.max(0, Math.min(labelCount - 1, n))}`;
  let nextLabel = 0;
  const near = () => label(nextLabel + rnd.below(9) - 5);
  const emitters: (() => string)[] = [
    () => `${rnd.pick(R)} ${reg()}, ${reg()}, ${reg()}`,
    () => `${rnd.pick(M)} ${reg()}, ${reg()}, ${reg()}`,
    () => `${rnd.pick(I)} ${reg()}, ${reg()}, ${imm12()}`,
    () => `${rnd.pick(SHIFT)} ${reg()}, ${reg()}, ${rnd.below(32)}`,
    () => `${rnd.pick(LOAD)} ${reg()}, ${imm12()}(${reg()})`,
    () => `${rnd.pick(LOAD)} ${reg()}, (${reg()})`,
    () => `${rnd.pick(LOAD)} ${reg()}, data${rnd.below(4)}`,
    () => `${rnd.pick(STORE)} ${reg()}, ${imm12()}(${reg()})`,
    () => `${rnd.pick(BRANCH)} ${reg()}, ${reg()}, ${near()}`,
    () => `${rnd.pick(BRANCHZ)} ${reg()}, ${near()}`,
    () => `jal ${reg()}, ${label(rnd.below(labelCount))}`,
    () => `jal ${label(rnd.below(labelCount))}`,
    () => `j ${label(rnd.below(labelCount))}`,
    () => `jalr ${reg()}, ${imm12()}(${reg()})`,
    () => `jalr ${reg()}`,
    () => `jr ${reg()}`,
    () => `jalr ${reg()}, ${reg()}, ${imm12()}`,
    () => 'ret',
    () => `call ${label(rnd.below(labelCount))}`,
    () => `tail ${label(rnd.below(labelCount))}`,
    () => `lui ${reg()}, ${rnd.pick([0, 0xfffff, rnd.below(0x100000)])}`,
    () => `auipc ${reg()}, 0x${rnd.below(0x100000).toString(16)}`,
    () =>
      `li ${reg()}, ${rnd.pick([0, -1, 2047, -2048, 2048, -2049, 0x7fffffff, -0x80000000, 0x1000, 0xfffff000, rnd.u32() | 0, rnd.below(4096) - 2048])}`,
    () => `li ${reg()}, 0x${rnd.u32().toString(16)}`,
    () => `la ${reg()}, data${rnd.below(4)}`,
    () => `lla ${reg()}, ${label(rnd.below(labelCount))}`,
    () => `${rnd.pick(UNARY)} ${reg()}, ${reg()}`,
    () => 'nop',
    () => rnd.pick(['ecall', 'ebreak', 'fence', 'unimp']),
    () => `fence ${rnd.pick(FENCE)}, ${rnd.pick(FENCE)}`,
  ];
  // Every emitter at least once, then random ones.
  for (let k = 0; k < lines; k++) {
    if (k % 8 === 0 && nextLabel < labelCount) out.push(`${label(nextLabel++)}:`);
    out.push(`  ${(k < emitters.length ? emitters[k] : rnd.pick(emitters))()}`);
  }
  while (nextLabel < labelCount) out.push(`${label(nextLabel++)}:`);
  out.push('  ret', '.data', '.align 2');
  for (let k = 0; k < 4; k++) out.push(`data${k}: .word ${rnd.u32()}, data${k}, 0x${rnd.u32().toString(16)}`);
  out.push(
    'bytes: .byte 1, 255, -128, 0x7f',
    '  .half 65535, -32768',
    '  .asciz "hi\\n"',
    '  .align 2',
    '  .word _start',
  );
  out.push('.bss', 'buffer: .space 64');
  return `${out.join('\n')}\n`;
}
