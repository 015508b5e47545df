// Keyboard shortcuts of the debugger controls: one table, used by the key handler, the tooltips and the
// help overlay, so they can never disagree.

export type ControlAction =
  | 'step'
  | 'stepBack'
  | 'stepOver'
  | 'run'
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
  { action: 'run', label: 'Run', keys: ['r'], what: 'run until a breakpoint, a watchpoint or the end' },
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
  return key === ' ' ? 'Space' : key.replace('Arrow', '') === key ? key : key.replace('Arrow', '') + ' arrow';
}

/** The action of a key event, unless the user is typing in a field. */
export function actionForKey(e: KeyboardEvent): ControlAction | undefined {
  const target = e.target as HTMLElement | null;
  if (
    target &&
    (target.tagName === 'INPUT' ||
      target.tagName === 'TEXTAREA' ||
      target.tagName === 'SELECT' ||
      target.isContentEditable)
  )
    return undefined;
  if (e.ctrlKey || e.metaKey || e.altKey) return undefined;
  return SHORTCUTS.find((s) => s.keys.includes(e.key))?.action;
}
