// The "explain" affordance: a small button that reveals a plain-language answer computed by the engine
// (explainRecord, explainMetadataWord, explainTPrev).
import { useId, useState } from 'react';

export function Explain({ text, label = 'explain' }: { text: string; label?: string }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <>
      <button
        type="button"
        className="explain"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen(!open)}
      >
        {label}
      </button>
      {open && (
        <p id={id} className="explanation" data-testid="explanation">
          {text}
        </p>
      )}
    </>
  );
}
