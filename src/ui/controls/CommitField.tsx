// A controlled text field whose edits take effect when committed (Enter or leaving the field), not on
// every keystroke. It always shows the current value: when the value changes from elsewhere (an input
// .json dropped on the page), the field shows the new value and a blur does not commit a stale draft.
import { type InputHTMLAttributes, useState } from 'react';

export interface CommitFieldProps extends Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'value' | 'onChange' | 'defaultValue'
> {
  value: string;
  onCommit(value: string): void;
}

export function CommitField({ value, onCommit, ...rest }: CommitFieldProps) {
  const [draft, setDraft] = useState(value);
  const [shown, setShown] = useState(value);
  // The value changed outside the field: drop the draft (React's "adjust state on a prop change").
  if (shown !== value) {
    setShown(value);
    setDraft(value);
  }
  const commit = () => {
    const next = draft.trim();
    if (next !== value) onCommit(next);
  };
  return (
    <input
      {...rest}
      value={draft}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit();
        if (e.key === 'Escape') setDraft(value);
      }}
    />
  );
}
