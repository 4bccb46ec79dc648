// Geometry for the collaborations Stafett draws itself (starting flow, demo flow, benchmark flow):
// pools stacked vertically, lanes as rows, flow nodes on a grid of columns. Pure arithmetic, no moddle.

export type Point = { x: number; y: number };
export type Box = { x: number; y: number; width: number; height: number };

export const POOL_X = 160;
export const POOL_Y = 80;
export const LABEL_BAND = 30;
export const LANE_HEIGHT = 150;
export const POOL_GAP = 100;
export const COLUMN_WIDTH = 150;
/** Pool label band + lane label band + breathing room before the first column. */
const CONTENT_LEFT = LABEL_BAND * 2 + 20;

export type NodeKind = 'event' | 'task' | 'gateway';

const SIZES: Record<NodeKind, { width: number; height: number }> = {
  event: { width: 36, height: 36 },
  task: { width: 100, height: 80 },
  gateway: { width: 50, height: 50 },
};

export type PoolGeometry = { box: Box; laneBoxes: Box[] };

/** Boxes of each pool and its lanes; a pool without lanes is one lane high. */
export function layoutPools(laneCounts: number[], width: number): PoolGeometry[] {
  let y = POOL_Y;
  return laneCounts.map((lanes) => {
    const height = Math.max(1, lanes) * LANE_HEIGHT;
    const box = { x: POOL_X, y, width, height };
    const laneBoxes = Array.from({ length: lanes }, (_, i) => ({
      x: POOL_X + LABEL_BAND,
      y: y + i * LANE_HEIGHT,
      width: width - LABEL_BAND,
      height: LANE_HEIGHT,
    }));
    y += height + POOL_GAP;
    return { box, laneBoxes };
  });
}

export function poolWidth(columns: number, minWidth = 1000): number {
  return Math.max(minWidth, CONTENT_LEFT + columns * COLUMN_WIDTH + 20);
}

/** A node's box: centred in its column and in its row (a lane, or the whole pool without lanes). */
export function nodeBox(kind: NodeKind, column: number, row: Box): Box {
  const { width, height } = SIZES[kind];
  const cx = POOL_X + CONTENT_LEFT + column * COLUMN_WIDTH + COLUMN_WIDTH / 2;
  const cy = row.y + row.height / 2;
  return { x: cx - width / 2, y: cy - height / 2, width, height };
}

const centre = (b: Box): Point => ({ x: b.x + b.width / 2, y: b.y + b.height / 2 });

export type SequenceRoute = 'vertical-first' | 'horizontal-first' | 'below';

/**
 * Orthogonal waypoints of a sequence flow between two boxes. 'vertical-first' leaves through the top or
 * bottom and enters from the left; 'horizontal-first' leaves to the right and enters through the top or
 * bottom; 'below' detours under the row (for a branch that skips a shape on the same row).
 */
export function sequenceWaypoints(from: Box, to: Box, route: SequenceRoute = 'vertical-first'): Point[] {
  const a = centre(from);
  const b = centre(to);
  if (route === 'below') {
    const y = Math.max(from.y + from.height, to.y + to.height) + 30;
    return [
      { x: a.x, y: from.y + from.height },
      { x: a.x, y },
      { x: b.x, y },
      { x: b.x, y: to.y + to.height },
    ];
  }
  if (a.y === b.y) return [{ x: from.x + from.width, y: a.y }, { x: to.x, y: b.y }];
  const down = b.y > a.y;
  if (a.x === b.x) return [{ x: a.x, y: down ? from.y + from.height : from.y }, { x: b.x, y: down ? to.y : to.y + to.height }];
  if (route === 'horizontal-first') {
    return [{ x: from.x + from.width, y: a.y }, { x: b.x, y: a.y }, { x: b.x, y: down ? to.y : to.y + to.height }];
  }
  return [{ x: a.x, y: down ? from.y + from.height : from.y }, { x: a.x, y: b.y }, { x: to.x, y: b.y }];
}

/** A message flow crosses the gap between two pools vertically; `gapY` is the middle of that gap. */
export function messageWaypoints(from: Box, to: Box, gapY: number): Point[] {
  const a = centre(from);
  const b = centre(to);
  const down = b.y > a.y;
  const start = { x: a.x, y: down ? from.y + from.height : from.y };
  const end = { x: b.x, y: down ? to.y : to.y + to.height };
  if (a.x === b.x) return [start, end];
  return [start, { x: a.x, y: gapY }, { x: b.x, y: gapY }, end];
}

/** Where a message flow's name goes: beside the line, in the gap between the pools. */
export function messageLabelBox(waypoints: Point[], gapY: number): Box {
  const last = waypoints[waypoints.length - 1]!;
  return { x: last.x + 6, y: gapY - 20, width: 120, height: 40 };
}

/**
 * A gateway's name goes above it and to the left: the space below stays free for branches that detour
 * under it, and a flow entering from above does not run through the text.
 */
export function gatewayLabelBox(gateway: Box): Box {
  return { x: gateway.x + gateway.width / 2 - 126, y: gateway.y - 42, width: 120, height: 40 };
}

/** A sequence flow's name (a branch such as "Ja"/"Nej") goes just after its first bend or start. */
export function sequenceLabelBox(waypoints: Point[]): Box {
  const [first, second] = [waypoints[0]!, waypoints[1] ?? waypoints[0]!];
  const horizontal = first.y === second.y;
  const anchor = horizontal ? first : second;
  return horizontal ? { x: anchor.x + 8, y: anchor.y - 22, width: 40, height: 18 } : { x: anchor.x + 6, y: anchor.y + 4, width: 40, height: 18 };
}

export function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}
