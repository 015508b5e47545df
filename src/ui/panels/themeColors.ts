// Canvas drawing cannot use CSS variables, so the colors are read from the computed style of an element
// and read again whenever the theme can change: the system scheme (prefers-color-scheme) or the app's
// explicit choice (a data-theme attribute on <html>, set by the theme toggle).
import { useEffect, useState } from 'react';

/** A counter that changes whenever the theme may have changed (redraw canvases on it). */
export function useThemeVersion(): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const bump = () => setVersion((v) => v + 1);
    const media = window.matchMedia('(prefers-color-scheme: dark)');
    media.addEventListener('change', bump);
    const observer = new MutationObserver(bump);
    observer.observe(document.documentElement, {
      attributes: true,
      attributeFilter: ['data-theme', 'class', 'style'],
    });
    return () => {
      media.removeEventListener('change', bump);
      observer.disconnect();
    };
  }, []);
  return version;
}

/** The value of CSS custom property `name` on `el` (or `fallback` when unset or before mount). */
export function cssVar(el: Element | null, name: string, fallback: string): string {
  if (el === null) return fallback;
  const value = getComputedStyle(el).getPropertyValue(name).trim();
  return value === '' ? fallback : value;
}
