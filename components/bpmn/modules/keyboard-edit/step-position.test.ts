import { describe, expect, it } from 'vitest';
import { isInLane, stepCentre, STEP_GAP } from './step-position';

const lane = { x: 130, y: 100, width: 600, height: 120 };
const task = { width: 100, height: 80 };

describe('stepCentre', () => {
  it('puts the first element of an empty lane near its left edge, vertically centred', () => {
    const centre = stepCentre({ lane, occupied: [], size: task });
    expect(centre.y).toBe(160);
    expect(centre.x - task.width / 2).toBeGreaterThan(lane.x + 30);
    expect(centre.x - task.width / 2).toBeLessThan(lane.x + 120);
  });

  it('goes right of the right-most element in the lane', () => {
    const occupied = [
      { x: 200, y: 120, width: 100, height: 80 },
      { x: 400, y: 120, width: 36, height: 36 },
    ];
    const centre = stepCentre({ lane, occupied, size: task });
    expect(centre.x - task.width / 2).toBe(436 + STEP_GAP);
  });

  it('goes right of the chosen predecessor when the space there is free', () => {
    const after = { x: 200, y: 120, width: 100, height: 80 };
    const centre = stepCentre({ lane, occupied: [after], size: task, after });
    expect(centre.x - task.width / 2).toBe(300 + STEP_GAP);
  });

  it('does not cover an element already right of the predecessor', () => {
    const after = { x: 200, y: 120, width: 100, height: 80 };
    const next = { x: 380, y: 120, width: 100, height: 80 };
    const centre = stepCentre({ lane, occupied: [after, next], size: task, after });
    expect(centre.x - task.width / 2).toBe(480 + STEP_GAP);
  });

  it('may lie beyond the lane: the pool grows instead of elements piling up', () => {
    const occupied = [{ x: 650, y: 120, width: 100, height: 80 }];
    expect(stepCentre({ lane, occupied, size: task }).x).toBeGreaterThan(lane.x + lane.width);
  });
});

describe('isInLane', () => {
  it('decides by the vertical centre', () => {
    expect(isInLane(lane, { x: 0, y: 150, width: 10, height: 10 })).toBe(true);
    expect(isInLane(lane, { x: 0, y: 215, width: 10, height: 20 })).toBe(false);
  });
});
