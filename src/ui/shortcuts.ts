// Keyboard shortcuts of the debugger controls: one table, used by the key handler, the tooltips and the
// help overlay, so they can never disagree.

export type ControlAction =
  | 'step'
  | 'stepBack'
  | 'stepOver'
  | 'reverseStepOver'
  | 'stepOut'
  | 'stepOutBack'
  | 'run'
  | 'reverseContinue'
  | 'pause'
  | 'runToEnd'
  | 'reset'
  | 'help'
  | 'nudgeBack'
  | 'nudgeForward'
  | 'focusTimestamp';

export interface Shortcut {
  action: ControlAction;
  /** Button label (also its accessible name). */
  label: string;
  keys: string[];
  what: string;
}

export const SHORTCUTS: Shortcut[] = [
  { action: 'step', label: 'Step', keys: ['s', 'ArrowRight'], what: 'one instruction / directive forward' },
  {
    action: 'stepBack',
    label: 'Step back',
    keys: ['b', 'ArrowLeft'],
    what: 'one instruction / directive back',
  },
  {
    action: 'stepOver',
    label: 'Step over',
    keys: ['n'],
    what: 'over a call (to the next instruction after it)',
  },
  {
    action: 'reverseStepOver',
    label: 'Reverse step over',
    keys: ['N'],
    what: 'one instruction / line back, over a whole call (gdb reverse-next)',
  },
  {
    action: 'stepOut',
    label: 'Step out',
    keys: ['o'],
    what: 'run until the current function returns (gdb finish)',
  },
  {
    action: 'stepOutBack',
    label: 'Step out back',
    keys: ['O'],
    what: 'back to the call of the current function (gdb reverse-finish)',
  },
  { action: 'run', label: 'Run', keys: ['r'], what: 'run until a breakpoint, a watchpoint or the end' },
  {
    action: 'reverseContinue',
    label: 'Reverse continue',
    keys: ['R'],
    what: 'run backward to the latest breakpoint or watchpoint hit before now, or the start',
  },
  { action: 'pause', label: 'Pause', keys: ['p', ' '], what: 'pause a running program' },
  { action: 'runToEnd', label: 'Run to end', keys: ['e', 'End'], what: 'jump to the end of the run' },
  { action: 'reset', label: 'Reset', keys: ['0', 'Home'], what: 'back to the start' },
  { action: 'nudgeBack', label: 'Timestamp −1', keys: [','], what: 'move the scrubber one timestamp back' },
  {
    action: 'nudgeForward',
    label: 'Timestamp +1',
    keys: ['.'],
    what: 'move the scrubber one timestamp forward',
  },
  { action: 'focusTimestamp', label: 'Go to timestamp', keys: ['g'], what: 'type a timestamp to jump to' },
  { action: 'help', label: 'Help', keys: ['?'], what: 'show or hide this help' },
];

export function shortcutFor(action: ControlAction): Shortcut {
  return SHORTCUTS.find((s) => s.action === action) as Shortcut;
}

export function keyLabel(key: string): string {
  if (key === ' ') return 'Space';
  // Capitals are typed with Shift (Reverse step over N, Reverse continue R): say so.
  if (key.length === 1 && key !== key.toLowerCase()) return `Shift+${key}`;
  return key.replace('Arrow', '') === key ? key : key.replace('Arrow', '') + ' arrow';
}

/** Keys a focused control uses itself (moving in a grid, a slider or a splitter; Space/Enter press a button). */
const CONTROL_KEYS = new Set([
  ' ',
  'Enter',
  'ArrowLeft',
  'ArrowRight',
  'ArrowUp',
  'ArrowDown',
  'Home',
  'End',
  'PageUp',
  'PageDown',
]);
/** Elements (or ARIA roles) that own CONTROL_KEYS while focused. */
const KEYED_ROLES =
  'button, a[href], summary, [role=button], [role=grid], [role=gridcell], [role=separator], [role=slider], [role=spinbutton], [role=scrollbar], [role=listbox], [role=option], [role=menu], [role=menuitem], [role=tab], [role=tablist], [role=radio], [role=radiogroup], [role=checkbox], [role=switch], [role=tree], [role=treeitem]';
/** Arrows and Space on a plain button still drive the debugger (after clicking Step, → steps again). */
const BUTTON_KEYS = new Set([' ', 'Enter']);

/** The element a key event is for, if it is one (KeyboardEvent.target). */
interface KeyTarget {
  tagName: string;
  isContentEditable?: boolean;
  tabIndex?: number;
  closest?(selector: string): KeyTarget | null;
  matches?(selector: string): boolean;
}

/**
 * The action of a key event, unless something else owns the key: an earlier handler (defaultPrevented),
 * a field the user types in, or a focused control that uses the key itself (a cell grid's or a splitter's
 * arrows, a button's Space and Enter).
 */
export function actionForKey(
  e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'defaultPrevented' | 'target'>,
): ControlAction | undefined {
  if (e.defaultPrevented) return undefined;
  if (e.ctrlKey || e.metaKey || e.altKey) return undefined;
  const target = e.target as KeyTarget | null;
  if (target && typeof target.tagName === 'string') {
    if (
      target.tagName === 'INPUT' ||
      target.tagName === 'TEXTAREA' ||
      target.tagName === 'SELECT' ||
      target.isContentEditable
    )
      return undefined;
    if (CONTROL_KEYS.has(e.key)) {
      const isPlainButton = target.tagName === 'BUTTON';
      if (isPlainButton && BUTTON_KEYS.has(e.key)) return undefined;
      if (!isPlainButton && target.closest?.(KEYED_ROLES)) return undefined;
      // A focusable widget that handles its own keys (tabindex on a non-control element, e.g. a cell grid).
      if (
        !isPlainButton &&
        target.matches?.('[tabindex]:not([tabindex="-1"]):not(body)') &&
        !target.closest?.('[role=toolbar]')
      )
        return undefined;
    }
  }
  return SHORTCUTS.find((s) => s.keys.includes(e.key))?.action;
}
