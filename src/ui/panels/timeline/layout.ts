// Geometry and colors shared by the timeline's layers (canvas, SVG overlay, scrubber), so they line up
// pixel for pixel. Track colors are CSS variables of app.css, so both themes work.

/** Height of the marker lane above the tracks (marker glyphs and the handle's grip). */
export const MARKER_LANE = 16;
/** Height of one density track row. */
export const TRACK_HEIGHT = 18;
/** Height of the time axis below the tracks. */
export const AXIS_HEIGHT = 24;
/** Pixels per requested density bucket (quantize.ts picks the bucket width from it). */
export const PX_PER_BUCKET = 2;

/** The CSS variable drawing each known track; other track names get the accent color. */
const TRACK_VARS: Record<string, string> = {
  accesses: '--accent',
  splits: '--split',
  merges: '--merge',
  allocations: '--accent',
  frees: '--merge',
  errors: '--error',
  refills: '--split',
  drains: '--muted',
};

export function trackColorVar(name: string): string {
  return TRACK_VARS[name] ?? '--accent';
}

/** Vertical extent of the scrub area (marker lane + tracks) for `tracks` rows (at least one row). */
export function scrubHeight(tracks: number): number {
  return MARKER_LANE + Math.max(1, tracks) * TRACK_HEIGHT;
}
