// The URL is state (DESIGN.md): program (example or loaded file name), input, mode, timestamp, selection
// and open panels live in the query string, so reloading or sharing a link restores the view.

export interface UrlState {
  example?: string;
  /** Hex input for guests (OpenVM CLI format). */
  input?: string;
  mode?: 'persistent' | 'volatile';
  alloc?: 'off' | 'observe' | 'orthotope';
  /** The timestamp (or step for .alloc traces) the view shows. */
  t?: number;
  /** Selected cell: "AS:ADDR". */
  sel?: { addressSpace: number; pointer: number };
  /** Collapsed panels. */
  hidden?: string[];
  /** Optional panels that are open ('cost', 'lessons'). */
  panels?: string[];
  lesson?: string;
}

export function parseUrlState(search: string): UrlState {
  const p = new URLSearchParams(search);
  const state: UrlState = {};
  const example = p.get('example');
  if (example) state.example = example;
  const input = p.get('input');
  if (input && /^(0x)?[0-9a-fA-F]*$/.test(input)) state.input = input;
  const mode = p.get('mode');
  if (mode === 'persistent' || mode === 'volatile') state.mode = mode;
  const alloc = p.get('alloc');
  if (alloc === 'off' || alloc === 'observe' || alloc === 'orthotope') state.alloc = alloc;
  const t = p.get('t');
  if (t !== null && /^\d+$/.test(t)) state.t = Number(t);
  const sel = p.get('sel')?.match(/^(\d+):(?:0x)?([0-9a-fA-F]+)$/);
  if (sel) state.sel = { addressSpace: Number(sel[1]), pointer: parseInt(sel[2], 16) };
  const hidden = p.get('hide');
  if (hidden) state.hidden = hidden.split(',').filter(Boolean);
  const panels = p.get('panels');
  if (panels) state.panels = panels.split(',').filter((x) => x === 'cost' || x === 'lessons');
  const lesson = p.get('lesson');
  if (lesson) state.lesson = lesson;
  return state;
}

export function formatUrlState(state: UrlState): string {
  const p = new URLSearchParams();
  if (state.lesson) p.set('lesson', state.lesson);
  if (state.example) p.set('example', state.example);
  if (state.input) p.set('input', state.input);
  if (state.mode) p.set('mode', state.mode);
  if (state.alloc && state.alloc !== 'off') p.set('alloc', state.alloc);
  if (state.t !== undefined) p.set('t', String(state.t));
  if (state.sel) p.set('sel', `${state.sel.addressSpace}:0x${state.sel.pointer.toString(16)}`);
  if (state.hidden && state.hidden.length > 0) p.set('hide', state.hidden.join(','));
  if (state.panels && state.panels.length > 0) p.set('panels', state.panels.join(','));
  const s = p.toString();
  return s ? `?${s}` : '';
}

/** Replaces the URL (no history entry per scrub step). */
export function writeUrlState(state: UrlState): void {
  const url = `${window.location.pathname}${formatUrlState(state)}${window.location.hash}`;
  if (url !== `${window.location.pathname}${window.location.search}${window.location.hash}`)
    window.history.replaceState(null, '', url);
}
