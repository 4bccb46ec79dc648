import { describe, expect, it } from 'vitest';
import { READABLE_SCALE, readableViewbox } from './fit-diagram';

// The demo flow "Utskrivning från slutenvård" is about 2360 × 1290 diagram units.
const demo = { x: 150, y: 80, width: 2360, height: 1290 };
const scaleOf = (box: { width: number }, outerWidth: number) => outerWidth / box.width;

describe('readableViewbox', () => {
  it('opens a large flow with 12 px labels at 11 px or more, at its top-left corner', () => {
    for (const outer of [{ width: 1280, height: 470 }, { width: 1440, height: 650 }, { width: 390, height: 500 }]) {
      const box = readableViewbox(demo, outer, { left: 100 })!;
      expect(scaleOf(box, outer.width) * 12).toBeGreaterThanOrEqual(11);
      // The palette's reach and the padding stay left of the diagram's first column.
      expect(box.x).toBeCloseTo(demo.x - (100 + 24) / READABLE_SCALE);
      expect(box.y).toBeCloseTo(demo.y - 24 / READABLE_SCALE);
    }
  });

  it('fits a small flow whole, never enlarging past 1', () => {
    const small = { x: 0, y: 0, width: 600, height: 300 };
    expect(scaleOf(readableViewbox(small, { width: 1280, height: 600 })!, 1280)).toBe(1);
    const medium = { x: 0, y: 0, width: 1300, height: 400 };
    const scale = scaleOf(readableViewbox(medium, { width: 1280, height: 600 })!, 1280);
    expect(scale).toBeCloseTo((1280 - 48) / 1300);
  });

  it('zooms out to the whole diagram when asked (the fit button)', () => {
    const box = readableViewbox(demo, { width: 1280, height: 470 }, { minScale: 0 })!;
    expect(scaleOf(box, 1280)).toBeCloseTo((470 - 48) / 1290);
  });

  it('does nothing for an empty diagram or a hidden canvas', () => {
    expect(readableViewbox({ x: 0, y: 0, width: 0, height: 0 }, { width: 800, height: 600 })).toBeNull();
    expect(readableViewbox(demo, { width: 0, height: 0 })).toBeNull();
  });
});
