// A lane's navigation: previous / next page (the detail window moved by its length), "Jump to" an
// address or (main memory of a guest) a symbol, and "Follow accesses" when the user pinned the window.
// A bad jump shows its message inline and leaves the window where it was.
import { type FormEvent, useId, useState } from 'react';
import { type JumpSymbol, pageTarget, resolveJump } from './jump';

export interface LaneControlsProps {
  laneName: string;
  cells: number;
  detail: { addr: number; len: number } | null;
  pinned: boolean;
  symbols?: readonly JumpSymbol[];
  onFocus(pointer: number | null): void;
  /** A successful jump, for the grid to outline its target. */
  onJumped(pointer: number): void;
}

export function LaneControls({
  laneName,
  cells,
  detail,
  pinned,
  symbols,
  onFocus,
  onJumped,
}: LaneControlsProps) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const listId = useId();
  const errorId = useId();
  const hasSymbols = symbols !== undefined && symbols.length > 0;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const r = resolveJump(text, cells, symbols);
    if (!r.ok) {
      setError(r.message);
      setNote(null);
      return;
    }
    setError(null);
    setNote(
      r.symbol !== undefined && r.symbol !== text.trim()
        ? `${r.symbol}${r.others ? ` (+${r.others} more)` : ''}`
        : null,
    );
    onJumped(r.pointer);
    onFocus(r.pointer);
  };
  const page = (direction: -1 | 1) => (detail ? pageTarget(detail.addr, detail.len, cells, direction) : null);
  const prev = page(-1);
  const next = page(1);

  return (
    <>
      <div className="mem-controls">
        <button
          type="button"
          aria-label={`Previous page of ${laneName}`}
          title="Previous page"
          disabled={prev === null}
          onClick={() => prev !== null && onFocus(prev)}
        >
          ‹
        </button>
        <button
          type="button"
          aria-label={`Next page of ${laneName}`}
          title="Next page"
          disabled={next === null}
          onClick={() => next !== null && onFocus(next)}
        >
          ›
        </button>
        <form className="mem-jump" onSubmit={submit}>
          <input
            type="text"
            value={text}
            spellCheck={false}
            placeholder={hasSymbols ? 'addr or symbol' : 'address'}
            aria-label={`Jump to ${hasSymbols ? 'address or symbol' : 'address'} in ${laneName}`}
            aria-invalid={error !== null}
            aria-describedby={error !== null ? errorId : undefined}
            list={hasSymbols ? listId : undefined}
            onChange={(e) => {
              setText(e.target.value);
              setError(null);
            }}
          />
          {hasSymbols && (
            <datalist id={listId}>
              {symbols.map((s) => (
                <option key={`${s.name}@${s.address}`} value={s.name} />
              ))}
            </datalist>
          )}
          <button type="submit" aria-label={`Go to the address in ${laneName}`}>
            Go
          </button>
        </form>
        {error === null && note !== null && <span className="mem-jump-note">→ {note}</span>}
        {pinned ? (
          <button
            type="button"
            className="mem-follow"
            onClick={() => onFocus(null)}
            title="Let the window follow the accesses again"
          >
            Follow accesses
          </button>
        ) : (
          <span className="mem-following" title="The window moves to each step's access in this space">
            following
          </span>
        )}
      </div>
      {/* On a line of its own under the header (see memory.css), so a long message never pushes the controls. */}
      {error !== null && (
        <span className="mem-jump-error" id={errorId} role="alert">
          {error}
        </span>
      )}
    </>
  );
}
