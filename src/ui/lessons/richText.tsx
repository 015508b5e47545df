// Narration text with `code` spans: backticks mark register names, directives and OpenVM functions.
import type { ReactNode } from 'react';

export function richText(text: string): ReactNode[] {
  return text.split(/`([^`]+)`/).map((part, k) => (k % 2 === 1 ? <code key={k}>{part}</code> : part));
}
