// issue 13 defect 5: shortcuts fired while a control had focus (arrows in a cell grid or a splitter stepped
// the program, Space on a focused button paused it). Real DOM semantics are checked in e2e; here the rule.
import { describe, expect, it } from 'vitest';
import { actionForKey, keyLabel } from './shortcuts';

interface FakeEl {
  tagName: string;
  role?: string;
  tabindex?: string;
  parent?: FakeEl;
}

function el(e: FakeEl) {
  const matchOne = (x: FakeEl, sel: string): boolean => {
    const s = sel.trim();
    if (s.startsWith('[role=')) return x.role === s.slice(6, -1);
    if (s.startsWith('[tabindex]'))
      return x.tabindex !== undefined && x.tabindex !== '-1' && x.tagName !== 'BODY';
    if (s === 'a[href]') return false;
    return x.tagName.toLowerCase() === s;
  };
  const matches = (x: FakeEl, sel: string) => sel.split(',').some((s) => matchOne(x, s));
  const wrap = (x: FakeEl): object => ({
    tagName: x.tagName,
    matches: (sel: string) => matches(x, sel),
    closest: (sel: string) => {
      for (let c: FakeEl | undefined = x; c; c = c.parent) if (matches(c, sel)) return wrap(c);
      return null;
    },
  });
  return wrap(e) as unknown as EventTarget;
}

const key = (k: string, target: EventTarget | null, defaultPrevented = false) =>
  actionForKey({ key: k, ctrlKey: false, metaKey: false, altKey: false, defaultPrevented, target });
const body = el({ tagName: 'BODY' });

describe('keyboard shortcuts', () => {
  it('drive the debugger from the page', () => {
    expect(key('ArrowRight', body)).toBe('step');
    expect(key(' ', body)).toBe('pause');
    expect(key('e', body)).toBe('runToEnd');
  });
  it('leave keys an earlier handler took alone', () => {
    expect(key('ArrowRight', body, true)).toBeUndefined();
  });
  it('leave fields the user types in alone', () => {
    expect(key('s', el({ tagName: 'INPUT' }))).toBeUndefined();
    expect(key('ArrowLeft', el({ tagName: 'SELECT' }))).toBeUndefined();
  });
  it("leave a focused splitter's, slider's and cell grid's arrows to them", () => {
    expect(key('ArrowLeft', el({ tagName: 'DIV', role: 'separator', tabindex: '0' }))).toBeUndefined();
    expect(key('ArrowRight', el({ tagName: 'DIV', role: 'slider', tabindex: '0' }))).toBeUndefined();
    expect(key('ArrowDown', el({ tagName: 'DIV', role: 'group', tabindex: '0' }))).toBeUndefined();
    expect(
      key('ArrowDown', el({ tagName: 'SPAN', parent: { tagName: 'DIV', role: 'grid' } })),
    ).toBeUndefined();
    // letters still work there
    expect(key('s', el({ tagName: 'DIV', role: 'separator', tabindex: '0' }))).toBe('step');
  });
  it("leave a focused button's Space and Enter to it, but arrows still step", () => {
    const button = el({ tagName: 'BUTTON' });
    expect(key(' ', button)).toBeUndefined();
    expect(key('Enter', button)).toBeUndefined();
    expect(key('ArrowLeft', button)).toBe('stepBack');
    expect(key('p', button)).toBe('pause');
  });
});

describe('the reverse moves and Step out (issue 22)', () => {
  it('have their own keys, capitals shown with Shift', () => {
    const key = (k: string) =>
      actionForKey({
        key: k,
        ctrlKey: false,
        metaKey: false,
        altKey: false,
        defaultPrevented: false,
        target: null,
      });
    expect([key('R'), key('N'), key('o'), key('O')]).toEqual([
      'reverseContinue',
      'reverseStepOver',
      'stepOut',
      'stepOutBack',
    ]);
    expect(key('r')).toBe('run');
    expect(keyLabel('R')).toBe('Shift+R');
    expect(keyLabel('ArrowLeft')).toBe('Left arrow');
  });
});
