// Zoom and pan gestures of the timeline plot: the wheel zooms around the pointer (Shift+wheel, or a
// horizontal wheel/trackpad swipe, pans), and dragging on the axis pans. The wheel listener is attached
// natively because React's wheel listeners are passive and could not stop the page from scrolling.
import { useEffect, useRef, type PointerEvent, type RefObject } from 'react';
import { timeOfX, type TimeScale } from './hitTest';

/** Zoom factor per pixel of wheel delta (a 100 px notch zooms by about 18%). */
const ZOOM_PER_PIXEL = 0.002;

export function useWheelZoom(
  ref: RefObject<HTMLElement | null>,
  scale: TimeScale,
  zoom: (factor: number, anchor: number) => void,
  pan: (dt: number) => void,
): void {
  const latest = useRef({ scale, zoom, pan });
  useEffect(() => {
    latest.current = { scale, zoom, pan };
  });
  useEffect(() => {
    const el = ref.current;
    if (el === null) return;
    const onWheel = (e: WheelEvent) => {
      const { scale: s, zoom: z, pan: p } = latest.current;
      if (s.width <= 0) return;
      e.preventDefault();
      const lines = e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? s.width : 1;
      const horizontal = Math.abs(e.deltaX) > Math.abs(e.deltaY);
      const unitsPerPx = (s.t1 - s.t0) / s.width;
      if (e.shiftKey || horizontal) {
        const d = (horizontal ? e.deltaX : e.deltaY) * lines;
        p(d * unitsPerPx);
      } else {
        const x = e.clientX - el.getBoundingClientRect().left;
        z(Math.exp(e.deltaY * lines * ZOOM_PER_PIXEL), timeOfX(s, x));
      }
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, [ref]);
}

/** Pointer handlers that pan the window while dragging (for the axis strip). */
export function useDragPan(scale: TimeScale, pan: (dt: number) => void) {
  const last = useRef<number | null>(null);
  return {
    onPointerDown(e: PointerEvent<HTMLElement>) {
      if (e.button !== 0) return;
      e.currentTarget.setPointerCapture(e.pointerId);
      last.current = e.clientX;
    },
    onPointerMove(e: PointerEvent<HTMLElement>) {
      if (last.current === null || scale.width <= 0) return;
      const dx = e.clientX - last.current;
      last.current = e.clientX;
      if (dx !== 0) pan((-dx * (scale.t1 - scale.t0)) / scale.width);
    },
    onPointerUp() {
      last.current = null;
    },
    onPointerCancel() {
      last.current = null;
    },
  };
}
