// The lesson requests through the in-process transport (structured-cloned like a Worker's messages):
// open a lesson, walk to its check, predict, step, and compare the modes.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { narrationAt } from '../engine/lessons/narration';
import type { FrameRequest } from '../engine/views/frameTypes';
import { InProcessClient } from './inProcessClient';

const pub = (p: string) => new Uint8Array(readFileSync(resolve(__dirname, '../../public', p)));
const view: FrameRequest = { lanes: [{ addressSpace: 2, start: 0, end: 64, buckets: 16 }] };

describe('lesson requests', () => {
  it('openLesson, seek to the check, predict, then step: the frame shows the predicted records', async () => {
    const client = new InProcessClient();
    const { lesson, frame } = await client.request('openLesson', {
      file: '03-split.mtrace',
      source: pub('lessons/03-split.mtrace'),
      view,
    });
    expect(frame.position.step).toBe(0);
    expect(frame.name).toBe('03-split.mtrace');
    expect(narrationAt(lesson, 0).paragraphs[0]).toMatch(/one timestamp per block/);
    const atCheck = await client.request('control', {
      control: { op: 'seekStep', step: lesson.check.at },
      view,
    });
    expect(narrationAt(lesson, atCheck.position.step).atCheck).toBe(true);
    const quiz = await client.request('predict', {});
    expect(quiz?.next).toBe('read 2 24 8');
    const after = await client.request('control', { control: { op: 'step' }, view });
    expect(after.step?.records.map((r) => `${r.kind} ${r.pointer} ${r.blockSize}`)).toEqual([
      'split 16 16',
      'merge 24 8',
    ]);
    expect(quiz?.answer.map((r) => r.cause)).toEqual(after.step?.explanations.map((e) => e.cause));
  });

  it('opens a guest lesson with its ELF, and predicts nothing at the end', async () => {
    const client = new InProcessClient();
    const { lesson } = await client.request('openLesson', {
      file: '09-subword-guest.json',
      source: pub('lessons/09-subword-guest.json'),
      program: pub('examples/lesson_subword.elf'),
      view,
    });
    expect(lesson.kind).toBe('guest');
    await client.request('control', { control: { op: 'seekStep', step: lesson.check.at }, view });
    expect((await client.request('predict', {}))?.next).toMatch(
      /^sb\s+a1, 0\(a0\) at 0x200828 <store_next_chunk>$/,
    );
    await client.request('run', { breakpoints: [], watchpoints: [], toEnd: true, view });
    expect(await client.request('predict', {})).toBeNull();
    await expect(
      client.request('openLesson', {
        file: '09-subword-guest.json',
        source: pub('lessons/09-subword-guest.json'),
        view,
      }),
    ).rejects.toThrow(/needs the bytes/);
  });

  it('cost: both modes of a script', async () => {
    const client = new InProcessClient();
    const cost = await client.request('cost', {
      kind: 'mtrace',
      bytes: pub('examples/finalize.mtrace'),
      options: {},
    });
    expect(cost.runs.map((r) => [r.mode, r.total.rows])).toEqual([
      ['persistent', 24],
      ['volatile', 78],
    ]);
  });
});
