// Where a step added from the keyboard goes: in the middle of its lane, to the right of what is there, so
// nothing already drawn is covered. Pure geometry, kept apart from bpmn-js so it can be tested alone.

export type Bounds = { x: number; y: number; width: number; height: number };

/** Room between neighbouring elements, and from the lane's left edge (past its 30px name band). */
export const STEP_GAP = 60;
const LABEL_BAND = 30;

function overlapsHorizontally(a: { left: number; right: number }, b: Bounds): boolean {
  return a.left < b.x + b.width && b.x < a.right;
}

/**
 * The centre of a new element of `size` in `lane`: right of `after` when given (unless something in the
 * lane is in the way, then right of the right-most thing in the lane), otherwise right of the lane's
 * right-most element, or near the lane's left edge when the lane is empty. May lie beyond the lane's
 * right edge: the pool grows to fit (bpmn-js auto-resize).
 */
export function stepCentre(input: { lane: Bounds; occupied: Bounds[]; size: { width: number; height: number }; after?: Bounds }) {
  const { lane, occupied, size, after } = input;
  const y = lane.y + lane.height / 2;
  const rightMost = occupied.reduce((max, b) => Math.max(max, b.x + b.width), -Infinity);
  const afterLaneStart = lane.x + LABEL_BAND + STEP_GAP / 2;
  let left = rightMost === -Infinity ? afterLaneStart : rightMost + STEP_GAP;
  if (after) {
    const candidate = Math.max(after.x + after.width + STEP_GAP, afterLaneStart);
    const span = { left: candidate, right: candidate + size.width };
    const blocked = occupied.some((b) => overlapsHorizontally(span, b) || b.x >= candidate);
    if (!blocked) left = candidate;
  }
  return { x: Math.round(left + size.width / 2), y: Math.round(y) };
}

/** Whether a shape's centre lies in the lane's band (bpmn-js itself assigns lanes by position). */
export function isInLane(lane: Bounds, shape: Bounds): boolean {
  const centreY = shape.y + shape.height / 2;
  return centreY >= lane.y && centreY < lane.y + lane.height;
}
