// The URL is state (DESIGN.md): program (example or loaded file name), input, mode, timestamp, selection
// and open panels live in the query string, so reloading or sharing a link restores the view; so does the
// playground's text, compressed (lz-string).
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import type { SegmentSettings } from '../engine/timeline/sessionTypes';

export interface UrlState {
  example?: string;
  /** A program opened from a local file: its name (the link needs the file, or carries `script`). */
  file?: string;
  /** The text of a small .mtrace opened from a local file (localFileLinks.ts). */
  script?: string;
  /**
   * Guest input as the Input box holds it (OpenVM CLI format): one hex string or `{"input": [...]}`. In
   * the query string a hex string is `input=01ab…`, a JSON list of hex strings `inputs=01ab…,02cd…`, and
   * any other text `inputjson=…` verbatim; inputs longer than MAX_URL_INPUT are left out.
   */
  input?: string;
  mode?: 'persistent' | 'volatile';
  alloc?: 'off' | 'observe' | 'orthotope';
  /** `seg=off`: one TracingMemory for the whole persistent run (absent: segmented as OpenVM cuts it). */
  segments?: 'openvm' | 'off';
  /** The segment limits given: `seglen=`, `segbits=`, `segcells=` (exec's segment options). */
  segmentSettings?: SegmentSettings;
  /** The timestamp (or step for .alloc traces) the view shows. */
  t?: number;
  /** Selected cell: "AS:ADDR". */
  sel?: { addressSpace: number; pointer: number };
  /** Collapsed panels. */
  hidden?: string[];
  /** Optional panels that are open ('cost', 'lessons', 'meter': Cost by function). */
  panels?: string[];
  lesson?: string;
  /**
   * The playground's text (`code=`, lz-string compressed, URI-safe) and language (`lang=asm|mtrace`);
   * left out when compressed it is longer than MAX_URL_SOURCE (the editor offers a download instead).
   */
  source?: { language: 'mtrace' | 'asm'; text: string };
}

/** Compressed playground text longer than this (characters) stays out of the URL. */
export const MAX_URL_SOURCE = 16_000;

/** The `code=` value of a playground text, or null when it is too long for a URL. */
export function sourceParam(text: string): string | null {
  const code = compressToEncodedURIComponent(text);
  return code.length > MAX_URL_SOURCE ? null : code;
}

/** The segment limits' query parameters. */
const SEGMENT_PARAMS = [
  ['seglen', 'maxSegmentLength'],
  ['segbits', 'segmentMaxHeightBits'],
  ['segcells', 'segmentMaxCells'],
] as const;

/** Inputs longer than this (characters) stay out of the URL: browsers limit a URL's length. */
export const MAX_URL_INPUT = 32_768;
const HEX = /^(0x)?[0-9a-fA-F]+$/;

/** The hex strings of a JSON input that holds only `input` (a list of hex strings), else null. */
function inputList(text: string): string[] | null {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return null;
  const keys = Object.keys(doc);
  const list = (doc as { input?: unknown }).input;
  if (keys.length !== 1 || !Array.isArray(list) || !list.every((x) => typeof x === 'string' && HEX.test(x)))
    return null;
  return list as string[];
}

function inputToParams(input: string, p: URLSearchParams): void {
  const text = input.trim();
  if (text.length > MAX_URL_INPUT) return;
  const list = text.startsWith('{') ? inputList(text) : null;
  if (list !== null) p.set('inputs', list.map((h) => h.replace(/^0x/, '')).join(','));
  else if (HEX.test(text)) p.set('input', text.replace(/^0x/, ''));
  else p.set('inputjson', text);
}

function inputFromParams(p: URLSearchParams): string | undefined {
  const hex = p.get('input');
  if (hex && HEX.test(hex)) return `0x${hex.replace(/^0x/, '')}`;
  const list = p.get('inputs');
  if (list !== null) {
    const items = list === '' ? [] : list.split(',');
    if (items.every((h) => HEX.test(h)))
      return JSON.stringify({ input: items.map((h) => `0x${h.replace(/^0x/, '')}`) });
  }
  return p.get('inputjson') ?? undefined;
}

export function parseUrlState(search: string): UrlState {
  const p = new URLSearchParams(search);
  const state: UrlState = {};
  const example = p.get('example');
  if (example) state.example = example;
  const file = p.get('file');
  if (file) state.file = file;
  const script = p.get('script');
  if (script !== null && file) state.script = script;
  const input = inputFromParams(p);
  if (input !== undefined) state.input = input;
  const mode = p.get('mode');
  if (mode === 'persistent' || mode === 'volatile') state.mode = mode;
  const alloc = p.get('alloc');
  if (alloc === 'off' || alloc === 'observe' || alloc === 'orthotope') state.alloc = alloc;
  if (p.get('seg') === 'off') state.segments = 'off';
  const settings: SegmentSettings = {};
  for (const [key, field] of SEGMENT_PARAMS) {
    const v = p.get(key);
    if (v !== null && /^\d+$/.test(v)) settings[field] = Number(v);
  }
  if (Object.keys(settings).length > 0) state.segmentSettings = settings;
  const t = p.get('t');
  if (t !== null && /^\d+$/.test(t)) state.t = Number(t);
  const sel = p.get('sel')?.match(/^(\d+):(?:0x)?([0-9a-fA-F]+)$/);
  if (sel) state.sel = { addressSpace: Number(sel[1]), pointer: parseInt(sel[2], 16) };
  const hidden = p.get('hide');
  if (hidden) state.hidden = hidden.split(',').filter(Boolean);
  const panels = p.get('panels');
  if (panels)
    state.panels = panels.split(',').filter((x) => x === 'cost' || x === 'lessons' || x === 'meter');
  const lesson = p.get('lesson');
  if (lesson) state.lesson = lesson;
  const code = p.get('code');
  if (code !== null) {
    const text = decompressFromEncodedURIComponent(code.replace(/ /g, '+'));
    if (typeof text === 'string' && (text !== '' || code === 'Q'))
      state.source = { language: p.get('lang') === 'asm' ? 'asm' : 'mtrace', text };
  }
  return state;
}

export function formatUrlState(state: UrlState): string {
  const p = new URLSearchParams();
  if (state.lesson) p.set('lesson', state.lesson);
  if (state.example) p.set('example', state.example);
  if (state.file) p.set('file', state.file);
  if (state.file && state.script !== undefined) p.set('script', state.script);
  if (state.input) inputToParams(state.input, p);
  if (state.mode) p.set('mode', state.mode);
  if (state.alloc && state.alloc !== 'off') p.set('alloc', state.alloc);
  if (state.segments === 'off') p.set('seg', 'off');
  for (const [key, field] of SEGMENT_PARAMS) {
    const v = state.segmentSettings?.[field];
    if (v !== undefined) p.set(key, String(v));
  }
  if (state.t !== undefined) p.set('t', String(state.t));
  if (state.sel) p.set('sel', `${state.sel.addressSpace}:0x${state.sel.pointer.toString(16)}`);
  if (state.hidden && state.hidden.length > 0) p.set('hide', state.hidden.join(','));
  if (state.panels && state.panels.length > 0) p.set('panels', state.panels.join(','));
  if (state.source) {
    const code = sourceParam(state.source.text);
    if (code !== null) {
      p.set('lang', state.source.language);
      p.set('code', code);
    }
  }
  const s = p.toString();
  return s ? `?${s}` : '';
}
