import { describe, expect, it } from 'vitest';
import { clampWindow, fitWindow, isFit, minSpan, panWindow, revealTime, zoomWindow } from './viewport';

describe('timeline viewport', () => {
  it('fits the whole run, one unit wide at least', () => {
    expect(fitWindow(0, 1600)).toEqual({ t0: -0.5, t1: 1600.5 });
    expect(fitWindow(5, 5)).toEqual({ t0: 4.5, t1: 5.5 });
    expect(isFit({ t0: -0.5, t1: 1600.5 }, 0, 1600)).toBe(true);
    expect(isFit({ t0: 0, t1: 1600 }, 0, 1600)).toBe(false);
  });

  it('zooms around the anchor, keeping it at the same screen fraction', () => {
    const w = zoomWindow({ t0: 0, t1: 1000 }, 0.5, 250, 0, 1000);
    expect(w).toEqual({ t0: 125, t1: 625 });
    expect(zoomWindow({ t0: 0, t1: 1000 }, 2, 500, 0, 1000)).toEqual({ t0: -0.5, t1: 1000.5 });
    expect((250 - w.t0) / (w.t1 - w.t0)).toBeCloseTo(0.25);
  });

  it('never zooms in past the minimum span nor out past the run', () => {
    expect(minSpan(0, 1000)).toBe(16);
    expect(minSpan(0, 3)).toBe(3);
    const tight = zoomWindow({ t0: 0, t1: 20 }, 0.01, 10, 0, 1000);
    expect(tight.t1 - tight.t0).toBe(16);
    expect(zoomWindow({ t0: 100, t1: 200 }, 100, 150, 0, 1000)).toEqual({ t0: -0.5, t1: 1000.5 });
  });

  it('pans and stops at the ends of the run without changing the width', () => {
    expect(panWindow({ t0: 100, t1: 200 }, 50, 0, 1000)).toEqual({ t0: 150, t1: 250 });
    expect(panWindow({ t0: 100, t1: 200 }, -500, 0, 1000)).toEqual({ t0: -0.5, t1: 99.5 });
    expect(panWindow({ t0: 800, t1: 900 }, 500, 0, 1000)).toEqual({ t0: 900.5, t1: 1000.5 });
  });

  it('clamps a window that no longer fits (the run got shorter)', () => {
    expect(clampWindow({ t0: 500, t1: 900 }, 0, 300)).toEqual({ t0: -0.5, t1: 300.5 });
    expect(clampWindow({ t0: 250, t1: 290 }, 0, 300)).toEqual({ t0: 250, t1: 290 });
  });

  it('reveals a time outside the window by centring it', () => {
    expect(revealTime({ t0: 0, t1: 100 }, 50, 0, 1000)).toEqual({ t0: 0, t1: 100 });
    expect(revealTime({ t0: 0, t1: 100 }, 500, 0, 1000)).toEqual({ t0: 450, t1: 550 });
    expect(revealTime({ t0: 0, t1: 100 }, 990, 0, 1000)).toEqual({ t0: 900.5, t1: 1000.5 });
  });
});
