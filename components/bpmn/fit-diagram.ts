// Where a diagram opens: as much of it as fits, but never so small that it cannot be read. Leaves room
// for what floats over the canvas (the Modeler's palette on the left), so no pool header hides under it.
// bpmn-js's own 'fit-viewport' uses the whole container and shrinks without limit (0.1 on a phone).

type Box = { x: number; y: number; width: number; height: number };
type Canvas = {
  viewbox(): Box & { inner: Box; outer: { width: number; height: number } };
  viewbox(box: Box): void;
};

/** bpmn-js draws task and lane labels at 12 px (bpmn-js/lib/draw/TextRenderer.js). */
const LABEL_FONT_PX = 12;
/** The smallest zoom at which those labels are still 11 px on screen. */
export const READABLE_SCALE = 11 / LABEL_FONT_PX;

export type FitOptions = {
  /** How far something floating over the canvas reaches in from its left edge. */
  left?: number;
  padding?: number;
  maxScale?: number;
  /** Never zoom out further than this; a larger diagram then opens at its top-left corner. */
  minScale?: number;
};

/**
 * The viewbox that shows the diagram at the largest scale that fits (up to `maxScale`), but not below
 * `minScale` (default: readable). A diagram larger than that opens at its top-left corner, where a flow
 * starts; the minimap and the zoom buttons reach the rest.
 */
export function readableViewbox(inner: Box, outer: { width: number; height: number }, options: FitOptions = {}): Box | null {
  const { left = 0, padding = 24, maxScale = 1, minScale = READABLE_SCALE } = options;
  if (!inner.width || !inner.height || !outer.width || !outer.height) return null;
  const fit = Math.min((outer.width - left - 2 * padding) / inner.width, (outer.height - 2 * padding) / inner.height, maxScale);
  const scale = Math.max(fit, Math.min(minScale, maxScale));
  if (!(scale > 0)) return null;
  return {
    x: inner.x - (left + padding) / scale,
    y: inner.y - padding / scale,
    width: outer.width / scale,
    height: outer.height / scale,
  };
}

export function fitDiagram(canvas: Canvas, options: FitOptions = {}): void {
  const { inner, outer } = canvas.viewbox();
  const box = readableViewbox(inner, outer, options);
  if (box) canvas.viewbox(box);
}

/** How far the palette reaches into the canvas from its left edge (0 without a palette). */
export function paletteReach(container: HTMLElement): number {
  const palette = container.querySelector('.djs-palette');
  if (!palette) return 0;
  return Math.max(0, palette.getBoundingClientRect().right - container.getBoundingClientRect().left);
}
