// HINT_STOREW / HINT_BUFFER preflight (extensions/rv32im/circuit/src/hintstore/mod.rs, `execute` @ v1.7.0):
//   HINT_STOREW  R(1, 4rd) -> mem_ptr; +1;                     W(2, mem_ptr) <- 4 hint bytes          (Δts 3)
//   HINT_BUFFER  R(1, 4rd) -> mem_ptr; R(1, 4rs1) -> n;        W(2, mem_ptr); then per further word:
//                +2, W(2, mem_ptr + 4i)                                                               (Δts 3n)
// The hint-stream length check (4n elements, else HintOutOfBounds) comes after the register reads, as in
// OpenVM; mem_ptr must be 4-aligned (TracingMemory's alignment assert fires otherwise).

import { EngineError } from '../../errors';
import type { HintStreams } from './hintStreams';

export interface TracedWords {
  readWord(as: number, ptr: number): number;
  writeWord(as: number, ptr: number, value: number): number;
  incrementTimestamp(): void;
}

const AS_REGISTERS = 1;
const AS_MEMORY = 2;

function outOfHints(streams: HintStreams, words: number, pc: number): EngineError {
  return new EngineError(
    'execution',
    `HintOutOfBounds: the hint stream holds ${streams.hintRemaining} elements but ${words} word(s) (${4 * words} elements) were requested at pc 0x${pc.toString(16)}`,
    { pc },
  );
}

export function hintStoreW(memory: TracedWords, streams: HintStreams, rdPtr: number, pc: number): void {
  const memPtr = memory.readWord(AS_REGISTERS, rdPtr);
  memory.incrementTimestamp();
  if (streams.hintRemaining < 4) throw outOfHints(streams, 1, pc);
  memory.writeWord(AS_MEMORY, memPtr, streams.popWord());
}

export function hintBuffer(
  memory: TracedWords,
  streams: HintStreams,
  rdPtr: number,
  rs1Ptr: number,
  pc: number,
): void {
  const memPtr = memory.readWord(AS_REGISTERS, rdPtr);
  const words = memory.readWord(AS_REGISTERS, rs1Ptr);
  if (streams.hintRemaining < 4 * words) throw outOfHints(streams, words, pc);
  for (let i = 0; i < words; i++) {
    if (i !== 0) {
      memory.incrementTimestamp();
      memory.incrementTimestamp();
    }
    memory.writeWord(AS_MEMORY, memPtr + 4 * i, streams.popWord());
  }
}
