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

// Values read, per property name, until the theme may have changed. Reading a computed style forces a
// style recalculation of the whole page when anything changed since the last one: a canvas redrawn right
// after a DOM update (every step) paid it on each draw.
let cache = new Map<string, string>();
let watching = false;

function watchTheme(): void {
  if (watching) return;
  watching = true;
  const clear = () => {
    cache = new Map();
  };
  window.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', clear);
  new MutationObserver(clear).observe(document.documentElement, {
    attributes: true,
    attributeFilter: ['data-theme', 'class', 'style'],
  });
}

/**
 * The value of CSS custom property `name` (or `fallback` when unset or before mount). The app's colors are
 * custom properties of the root element, so the value is the same on every element and is cached per theme.
 */
export function cssVar(el: Element | null, name: string, fallback: string): string {
  if (el === null) return fallback;
  watchTheme();
  const known = cache.get(name);
  if (known !== undefined) return known;
  const value = getComputedStyle(el).getPropertyValue(name).trim() || fallback;
  cache.set(name, value);
  return value;
}
