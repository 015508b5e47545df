// `exec --segments --format markdown` on a constructed report: a table per segment and the total per AIR,
// OpenVM's column names and thousands separators, bold totals.
import { describe, expect, it } from 'vitest';
import { segmentsMarkdown, totalAirs } from './segmentsMarkdown';

const air = (air_id: number, air_name: string, rows: number, padded_rows: number, main_cols: number) => ({
  air_id,
  air_name,
  rows,
  padded_rows,
  main_cols,
  cells: padded_rows * (main_cols + 8),
});
const REPORT = {
  segments: [
    {
      instret_start: 0,
      num_insns: 4_000_000,
      airs: [air(0, 'ProgramAir', 9000, 16384, 10), air(21, 'LoadStore', 1_500_000, 2_097_152, 41)],
    },
    {
      instret_start: 4_000_000,
      num_insns: 12,
      airs: [air(0, 'ProgramAir', 9000, 16384, 10), air(6, 'AccessAdapterAir<8>', 3, 4, 17)],
    },
  ],
};

describe('segmentsMarkdown', () => {
  it('one table per segment, then the per-AIR total', () => {
    const md = segmentsMarkdown(REPORT);
    expect(md).toBe(
      [
        '## Segment 0: instructions 0 to 4,000,000 (4,000,000)',
        '',
        '| air_id | air_name | rows | padded_rows | main_cols | cells |',
        '| ---: | --- | ---: | ---: | ---: | ---: |',
        '| 0 | ProgramAir | 9,000 | 16,384 | 10 | 294,912 |',
        '| 21 | LoadStore | 1,500,000 | 2,097,152 | 41 | 102,760,448 |',
        '| | **total** | **1,509,000** | **2,113,536** | | **103,055,360** |',
        '',
        '## Segment 1: instructions 4,000,000 to 4,000,012 (12)',
        '',
        '| air_id | air_name | rows | padded_rows | main_cols | cells |',
        '| ---: | --- | ---: | ---: | ---: | ---: |',
        '| 0 | ProgramAir | 9,000 | 16,384 | 10 | 294,912 |',
        '| 6 | AccessAdapterAir<8> | 3 | 4 | 17 | 100 |',
        '| | **total** | **9,003** | **16,388** | | **295,012** |',
        '',
        '## Total: 2 segments, 4,000,012 instructions',
        '',
        '| air_id | air_name | rows | padded_rows | main_cols | cells |',
        '| ---: | --- | ---: | ---: | ---: | ---: |',
        '| 0 | ProgramAir | 18,000 | 32,768 | 10 | 589,824 |',
        '| 6 | AccessAdapterAir<8> | 3 | 4 | 17 | 100 |',
        '| 21 | LoadStore | 1,500,000 | 2,097,152 | 41 | 102,760,448 |',
        '| | **total** | **1,518,003** | **2,129,924** | | **103,350,372** |',
        '',
      ].join('\n'),
    );
    expect(REPORT.segments[0].airs[0].rows).toBe(9000); // totalAirs does not write into its input
    expect(totalAirs([]).length).toBe(0);
  });
});
