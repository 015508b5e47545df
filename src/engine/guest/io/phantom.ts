// OpenVM's RV32 phantom sub-executors (extensions/rv32im/circuit/src/extension/mod.rs, module `phantom`, and
// crates/vm/src/system/phantom) on memscope's machine. A PHANTOM touches no traced memory: register and
// AS2 reads here are untraced (read_rv32_register / memory_read); the caller adds the single timestamp
// increment every PHANTOM costs. Errors are the sub-executors' own (EndOfInputStream, invalid UTF-8,
// key not found) as EngineError('execution').

import { EngineError } from '../../errors';
import type { HintStreams } from './hintStreams';

/** What the phantoms need from the machine: untraced reads of registers (AS1) and memory (AS2). */
export interface UntracedMemory {
  peekWord(as: number, ptr: number): number;
  getCell(as: number, ptr: number): number;
}

const AS_REGISTERS = 1;
const AS_MEMORY = 2;
const MEMORY_CELLS = 2 ** 29;
const MAX_PRINT = 1 << 24;

function readBytes(memory: UntracedMemory, ptr: number, len: number, what: string, pc: number): Uint8Array {
  if (len > MAX_PRINT || ptr + len > MEMORY_CELLS) {
    throw new EngineError(
      'execution',
      `${what}: ${len} bytes at 0x${ptr.toString(16)} lie outside guest memory (pc 0x${pc.toString(16)})`,
      { pc },
    );
  }
  const bytes = new Uint8Array(len);
  for (let i = 0; i < len; i++) bytes[i] = memory.getCell(AS_MEMORY, ptr + i);
  return bytes;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Rv32PrintStrSubEx: the UTF-8 string at [rd] of length [rs1]. */
export function printStr(memory: UntracedMemory, rdPtr: number, rs1Ptr: number, pc: number): string {
  const ptr = memory.peekWord(AS_REGISTERS, rdPtr);
  const len = memory.peekWord(AS_REGISTERS, rs1Ptr);
  const bytes = readBytes(memory, ptr, len, 'printstr', pc);
  try {
    return utf8.decode(bytes);
  } catch {
    throw new EngineError(
      'execution',
      `printstr: the ${len} bytes at 0x${ptr.toString(16)} are not valid UTF-8 (pc 0x${pc.toString(16)})`,
      { pc },
    );
  }
}

/** Rv32HintInputSubEx. */
export function hintInput(streams: HintStreams, pc: number): void {
  streams.hintInput(pc);
}

/** Rv32HintRandomSubEx: [rd] words of random bytes. */
export function hintRandom(memory: UntracedMemory, streams: HintStreams, rdPtr: number): void {
  streams.hintRandom(memory.peekWord(AS_REGISTERS, rdPtr));
}

/** Rv32HintLoadByKeySubEx: the key is the [rs1] bytes at [rd]. */
export function hintLoadByKey(
  memory: UntracedMemory,
  streams: HintStreams,
  rdPtr: number,
  rs1Ptr: number,
  pc: number,
): void {
  const ptr = memory.peekWord(AS_REGISTERS, rdPtr);
  const len = memory.peekWord(AS_REGISTERS, rs1Ptr);
  streams.hintLoadByKey(readBytes(memory, ptr, len, 'hint_load_by_key', pc), pc);
}
