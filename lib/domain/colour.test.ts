import { describe, expect, it } from 'vitest';
import { contrastRatio, shapeColours } from './colour';

describe('shapeColours', () => {
  it.each(['#1d4ed8', '#fde047', '#ffffff', '#000', 'not a colour'])('gives a light fill and a stroke readable on it for %s', (colour) => {
    const { fill, stroke } = shapeColours(colour);
    expect(fill).toMatch(/^#[0-9a-f]{6}$/);
    expect(stroke).toMatch(/^#[0-9a-f]{6}$/);
    expect(contrastRatio(fill, '#000000')).toBeGreaterThan(12);
    expect(contrastRatio(stroke, fill)).toBeGreaterThanOrEqual(4.5);
  });

  it('keeps a dark colour as its own stroke', () => {
    expect(shapeColours('#1d4ed8').stroke).toBe('#1d4ed8');
  });
});
