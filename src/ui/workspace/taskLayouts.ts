// The task layouts, one click each in the header (LayoutBar.tsx) and chosen when the program makes the
// task obvious (chooseTask): a lesson opens Lesson, an allocator trace opens Allocator, anything else
// Debug. Sizes are percents (layoutTree.ts); when a built-in layout is applied, panels with nothing to
// show for the program (Registers of a memory script, Program of an allocator trace) are left out.
import type { LayoutNode } from './layoutTree';

export type TaskName = 'lesson' | 'debug' | 'cost' | 'allocator' | 'source';

export const TASKS: { name: TaskName; title: string; what: string }[] = [
  { name: 'lesson', title: 'Lesson', what: 'the narration large, its check and grading in view' },
  { name: 'debug', title: 'Debug', what: 'Program, Registers, Address spaces, Adapter records, Timeline' },
  { name: 'cost', title: 'Cost', what: 'Cost by function and the Cost view at full size, with the Timeline' },
  { name: 'allocator', title: 'Allocator', what: 'the allocator panels wide, with the arena map' },
  { name: 'source', title: 'Source', what: 'the source and call stack beside the disassembly' },
];

export const TASK_LAYOUTS: Record<TaskName, LayoutNode> = {
  lesson: [
    'row',
    [44, 'narration'],
    [
      56,
      [
        'col',
        [
          72,
          [
            'row',
            [42, ['col', [60, 'program'], [40, 'registers']]],
            [58, ['col', [60, 'addressSpaces'], [40, 'adapterRecords,inspector']]],
          ],
        ],
        [28, 'timeline'],
      ],
    ],
  ],
  debug: [
    'col',
    [
      76,
      [
        'row',
        [27, ['col', [58, 'program'], [42, 'registers']]],
        [45, ['col', [64, 'addressSpaces'], [36, 'adapterRecords']]],
        [28, ['col', [26, 'inspector'], [20, 'breakpoints'], [54, 'allocator']]],
      ],
    ],
    [24, 'timeline'],
  ],
  cost: ['col', [80, ['row', [68, 'costByFunction'], [32, 'cost,program']]], [20, 'timeline']],
  allocator: [
    'col',
    [
      76,
      ['row', [62, 'allocator'], [38, ['col', [55, 'addressSpaces'], [45, 'program,registers,inspector']]]],
    ],
    [24, 'timeline'],
  ],
  source: [
    'col',
    [
      76,
      [
        'row',
        [58, 'program'],
        [42, ['col', [50, 'registers,breakpoints'], [50, 'addressSpaces,adapterRecords,inspector']]],
      ],
    ],
    [24, 'timeline'],
  ],
};

/** The layout a program's task makes obvious, or null when none does (keep the current one). */
export function chooseTask(p: {
  lesson: boolean;
  kind: 'guest' | 'mtrace' | 'alloc' | undefined;
}): TaskName | null {
  if (p.lesson) return 'lesson';
  if (p.kind === 'alloc') return 'allocator';
  return null;
}
