import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, needs, SHARED_GUESTS as SHARED, sharedGuests } from '../engine/guest/fixtures.testutil';
import { captureIO } from './io';
import { runCli } from './main';

async function run(args: string[], files: Record<string, Uint8Array | string> = {}) {
  const io = captureIO(files);
  const code = await runCli(args, io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

describe('memscope exec', () => {
  it('summary: one JSON line with the end state, records and adapter rows', async () => {
    const r = await run(['exec', join(EXAMPLES, 'hello.elf')]);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')).toHaveLength(2);
    const s = JSON.parse(r.stdout);
    expect(s).toMatchObject({
      status: 'terminated',
      exitCode: 0,
      mode: 'persistent',
      console: 'Hello, OpenVM!\n',
    });
    expect(s.publicValues.slice(0, 16)).toBe('2a0000000f000000');
    // persistent RV32: every touched chunk is split once and merged once, both in AccessAdapterAir<8>
    expect(s.records.split).toBe(s.touchedChunks);
    expect(s.records.merge).toBe(s.touchedChunks);
    expect(s.adapterRows['AccessAdapterAir<8>']).toBe(2 * s.touchedChunks);
    expect(s.adapterRows['AccessAdapterAir<2>']).toBe(0);
    expect(s.boundaryRows).toBe(2 * s.touchedChunks);
    expect(s.finalTimestamp).toBeGreaterThan(s.instructions);
  });

  it('--segments --alloc orthotope meters the interposed run exec runs (issue 22: CLI = app)', async () => {
    const elf = join(EXAMPLES, 'hashmap.elf');
    const plain = JSON.parse((await run(['exec', elf, '--alloc', 'orthotope'])).stdout);
    const r = await run(['exec', elf, '--alloc', 'orthotope', '--segments']);
    expect(r.code).toBe(0);
    const [seg] = JSON.parse(r.stdout).segments;
    const rows = (name: string) => seg.airs.find((a: { air_name: string }) => a.air_name === name)?.rows;
    expect(plain.instructions).toBe(335_808);
    expect(seg.num_insns).toBe(plain.instructions);
    expect(rows('AccessAdapterAir<8>')).toBe(plain.adapterRows['AccessAdapterAir<8>']);
    expect(rows('PersistentBoundaryAir<8>')).toBe(plain.boundaryRows);
  });

  it('volatile mode: zero-merges 4 <- 1 at first touch and splits 4 -> 1 at the end', async () => {
    const r = await run(['exec', join(EXAMPLES, 'hello.elf'), '--mode', 'volatile']);
    const s = JSON.parse(r.stdout);
    expect(s.mode).toBe('volatile');
    expect(s.adapterRows['AccessAdapterAir<8>']).toBe(0);
    // each touched word: merge 4<-1 (2 rows in <2>, 1 in <4>) + split 4->1 (the same again)
    expect(s.adapterRows['AccessAdapterAir<2>']).toBe(2 * s.adapterRows['AccessAdapterAir<4>']);
    expect(s.touchedChunks).toBe(2 * s.adapterRows['AccessAdapterAir<4>']); // 4 cells per word, 2 records per word
  });

  it('input as hex or file, --alloc observe, exit codes', async () => {
    const sum = join(EXAMPLES, 'sum_input.elf');
    const ok = await run(['exec', sum, '--input', 'in.json'], {
      'in.json': '{"input": ["0x0101020304", "0x01ff"]}',
    });
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).publicValues.slice(0, 24)).toBe('020000000500000009010000');
    const noInput = await run(['exec', sum]);
    expect(noInput.code).toBe(3);
    expect(noInput.stderr).toMatch(/^error: EndOfInputStream/);
    expect(JSON.parse(noInput.stdout).error.kind).toBe('execution');
    const hex = await run(['exec', sum, '--input', '0x0101']);
    expect(hex.code).toBe(3); // only one vector: the second hintinput fails
    const alloc = await run(['exec', join(EXAMPLES, 'hashmap.elf'), '--alloc', 'observe']);
    expect(JSON.parse(alloc.stdout).alloc.calls.calloc).toBe(8);
    const paused = await run(['exec', join(EXAMPLES, 'matmul.elf'), '--max-steps', '1000']);
    expect(paused.code).toBe(4);
    expect(JSON.parse(paused.stdout)).toMatchObject({
      status: 'paused',
      instructions: 1000,
      touchedChunks: 0,
    });
    expect(paused.stderr).toMatch(/raise --max-steps/);
    expect((await run(['exec'])).code).toBe(1);
    expect((await run(['exec', 'x.elf', '--mode', 'fast'])).code).toBe(1);
    expect(
      (await run(['exec', 'bad.elf'], { 'bad.elf': new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2]) })).code,
    ).toBe(2);
  });

  it('trace: one line per instruction with accesses, t_prev and records, then finalize', async () => {
    const r = await run(['exec', join(EXAMPLES, 'hello.elf'), '--format', 'trace']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    const summary = JSON.parse((await run(['exec', join(EXAMPLES, 'hello.elf')])).stdout);
    expect(lines).toHaveLength(summary.instructions + 1);
    expect(lines[0]).toBe(
      '0x00200800 t=1..2 lui     sp, 0x200 | W AS1[0x8] t=1 prev=0 | split AS1[0x8] 8->4 ts=0',
    );
    expect(lines[lines.length - 2]).toMatch(/terminate 0 \| - \| -$/);
    expect(lines[lines.length - 1]).toMatch(/^finalize \| merge AS1\[0x0\] 8<-4/);
  });
});

describe.runIf(needs(sharedGuests()))('memscope exec on the real fibonacci guest', () => {
  it('reaches the README end state', async () => {
    const r = await run([
      'exec',
      join(SHARED, 'fibonacci.elf'),
      '--input',
      join(SHARED, 'fibonacci.input.json'),
    ]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).publicValues.slice(0, 16)).toBe('7b4a163404503926');
  });
});
