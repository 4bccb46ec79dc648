import { describe, expect, it } from 'vitest';
import { handoverRoute } from './handover-route';

// Two pools one above the other (region above, kommun below) with a 30 px gap, as the demo flow has.
const region = { x: 100, y: 0, width: 1200, height: 400 };
const kommun = { x: 100, y: 430, width: 1200, height: 400 };
const sender = { x: 300, y: 40, width: 100, height: 80 }; // centre x 350
const receiver = { x: 800, y: 600, width: 100, height: 80 }; // centre x 850

describe('handoverRoute', () => {
  it('leaves the source pool straight down, runs along the gap between the pools, and drops onto the target', () => {
    expect(handoverRoute(sender, receiver, region, kommun)).toEqual([
      { x: 350, y: 120 },
      { x: 350, y: 415 },
      { x: 850, y: 415 },
      { x: 850, y: 600 },
    ]);
  });

  it('the horizontal part lies outside both pools, the route is orthogonal', () => {
    const route = handoverRoute(sender, receiver, region, kommun)!;
    const horizontal = route[1]!.y;
    expect(horizontal).toBeGreaterThan(region.y + region.height);
    expect(horizontal).toBeLessThan(kommun.y);
    for (let i = 1; i < route.length; i++) {
      expect(route[i]!.x === route[i - 1]!.x || route[i]!.y === route[i - 1]!.y).toBe(true);
    }
  });

  it('goes up the same way from the lower pool', () => {
    expect(handoverRoute(receiver, sender, kommun, region)).toEqual([
      { x: 850, y: 600 },
      { x: 850, y: 415 },
      { x: 350, y: 415 },
      { x: 350, y: 120 },
    ]);
  });

  it('keeps its vertical parts off the x of other handovers', () => {
    const route = handoverRoute(sender, receiver, region, kommun, [350, 850])!;
    expect(route[0]!.x).toBe(335);
    expect(route[3]!.x).toBe(835);
  });

  it('is a straight line when the steps stand one above the other, and leaves pools side by side to bpmn-js', () => {
    expect(handoverRoute(sender, { ...receiver, x: 300 }, region, kommun)).toEqual([
      { x: 350, y: 120 },
      { x: 350, y: 600 },
    ]);
    expect(handoverRoute(sender, receiver, region, { ...kommun, x: 1400, y: 0 })).toBeNull();
  });
});
