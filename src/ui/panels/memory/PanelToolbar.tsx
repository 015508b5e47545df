// The Address spaces panel's header: the value format (one choice for every lane; a lane where it means
// nothing falls back to decimal and says so), 32-bit words for the byte spaces, and the legend of the
// block size hues and the access highlights.
import { BLOCK_SIZES, blockColor } from './blockPalette';
import { FORMATS, type ValueFormat } from './valueFormat';

export interface PanelToolbarProps {
  format: ValueFormat;
  words: boolean;
  onFormat(f: ValueFormat): void;
  onWords(on: boolean): void;
}

export function PanelToolbar({ format, words, onFormat, onWords }: PanelToolbarProps) {
  return (
    <div className="mem-toolbar">
      <h2>Address spaces</h2>
      <div className="mem-seg" role="group" aria-label="Value format">
        {FORMATS.map((f) => (
          <button
            key={f.id}
            type="button"
            aria-pressed={format === f.id}
            title={f.title}
            onClick={() => onFormat(f.id)}
          >
            {f.label}
          </button>
        ))}
      </div>
      <label
        className="mem-words"
        title="Byte spaces: show each aligned group of 4 cells as one 32-bit little-endian word (as RV32 loads it)"
      >
        <input type="checkbox" checked={words} onChange={(e) => onWords(e.target.checked)} /> u32 words
      </label>
      <ul className="mem-legend" aria-label="Legend">
        <li title="Block size in cells: outline and label in the detail, hue in the overview (brighter = accessed more recently)">
          block
          {BLOCK_SIZES.map((s) => (
            <span key={s} className="mem-legend-size" style={{ borderColor: blockColor(s) }}>
              {s}
            </span>
          ))}
        </li>
        <li title="Cells the current step read">
          <span className="mem-swatch acc-read" /> read
        </li>
        <li title="Cells the current step wrote">
          <span className="mem-swatch acc-write" /> write
        </li>
        <li title="Cells the current step read, then wrote">
          <span className="mem-swatch acc-read-write" /> both
        </li>
        <li title="Units no access has touched yet (initial memory)">
          <span className="mem-swatch untouched" /> untouched
        </li>
      </ul>
    </div>
  );
}
