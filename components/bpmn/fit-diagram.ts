// Zoom-to-fit that leaves room for what floats over the canvas (the Modeler's palette on the left),
// so no pool header hides under it. bpmn-js's own 'fit-viewport' uses the whole container.

type Box = { x: number; y: number; width: number; height: number };
type Canvas = {
  viewbox(): Box & { inner: Box; outer: { width: number; height: number } };
  viewbox(box: Box): void;
};

export function fitDiagram(canvas: Canvas, options: { left?: number; padding?: number; maxScale?: number } = {}): void {
  const { left = 0, padding = 24, maxScale = 1 } = options;
  const { inner, outer } = canvas.viewbox();
  if (!inner.width || !inner.height || !outer.width || !outer.height) return;
  const scale = Math.min(
    (outer.width - left - 2 * padding) / inner.width,
    (outer.height - 2 * padding) / inner.height,
    maxScale,
  );
  if (!(scale > 0)) return;
  canvas.viewbox({
    x: inner.x - (left + padding) / scale,
    y: inner.y - padding / scale,
    width: outer.width / scale,
    height: outer.height / scale,
  });
}

/** How far the palette reaches into the canvas from its left edge (0 without a palette). */
export function paletteReach(container: HTMLElement): number {
  const palette = container.querySelector('.djs-palette');
  if (!palette) return 0;
  return Math.max(0, palette.getBoundingClientRect().right - container.getBoundingClientRect().left);
}
