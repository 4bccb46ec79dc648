// The path of a handover (message flow) drawn from the keyboard dialog. bpmn-js's layouter joins the
// two steps with a vertical-horizontal-vertical path whose horizontal part lies halfway between them,
// which is often in the middle of a pool, and its vertical parts may run over other handovers. This
// route leaves the source's pool by the shortest way (straight down or up from the step), runs along
// the pools' edges in the gap between the two pools, and enters the target's pool straight at the
// target: orthogonal, and its vertical parts kept off the x positions other handovers already use.

export type Box = { x: number; y: number; width: number; height: number };
export type Point = { x: number; y: number };

/** How far apart two vertical handover lines must be to read as two. */
const CLEARANCE = 10;

/**
 * The waypoints from `source` (in `sourcePool`) to `target` (in `targetPool`), or null when the pools
 * are not one above the other (then bpmn-js's own layout is as good as any). `taken` are the x positions
 * of the vertical parts of the other handovers.
 */
export function handoverRoute(source: Box, target: Box, sourcePool: Box, targetPool: Box, taken: readonly number[] = []): Point[] | null {
  const down = sourcePool.y + sourcePool.height <= targetPool.y + 1;
  const up = targetPool.y + targetPool.height <= sourcePool.y + 1;
  if (!down && !up) return null;
  // The line along the pools' edges: in the middle of the gap between them, or on the edge they share.
  const gapTop = down ? sourcePool.y + sourcePool.height : targetPool.y + targetPool.height;
  const gapBottom = down ? targetPool.y : sourcePool.y;
  const edgeY = Math.round((gapTop + gapBottom) / 2);
  const sx = freeX(source, taken);
  // Straight down (or up) when the target stands under the source; else clear of the source's line too.
  const tx = sx > target.x + CLEARANCE && sx < target.x + target.width - CLEARANCE ? sx : freeX(target, [...taken, sx]);
  const sy = down ? source.y + source.height : source.y;
  const ty = down ? target.y : target.y + target.height;
  if (Math.abs(sx - tx) < 1) return [{ x: sx, y: sy }, { x: sx, y: ty }];
  return [
    { x: sx, y: sy },
    { x: sx, y: edgeY },
    { x: tx, y: edgeY },
    { x: tx, y: ty },
  ];
}

/** The centre of the box, or the nearest x on it (of a few candidates) clear of every taken x. */
function freeX(box: Box, taken: readonly number[]): number {
  const clear = (x: number) => taken.every((t) => Math.abs(t - x) >= CLEARANCE);
  const candidates = [0.5, 0.35, 0.65, 0.2, 0.8].map((share) => Math.round(box.x + box.width * share));
  return candidates.find(clear) ?? candidates[0]!;
}
