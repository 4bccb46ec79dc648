import TextRenderer from 'bpmn-js/lib/draw/TextRenderer';
import { breakLines } from './breakable-text';

// bpmn-js's TextRenderer, with labels prepared by breakableText before diagram-js lays them out, so
// long Swedish compounds break at a syllable with a hyphen instead of anywhere. Both drawing
// (createText) and measuring (getDimensions, used to size external labels) see the same text.

type Padding = number | { left?: number; right?: number };
type LayoutOptions = { box?: { width?: number }; padding?: Padding; style?: Record<string, unknown> };
type Renderer = {
  createText(text: string, options?: LayoutOptions): SVGElement;
  getDimensions(text: string, options?: LayoutOptions): { width: number; height: number };
};

/** diagram-js Text's default box width (DEFAULT_LABEL_SIZE) when a caller gives none. */
const DEFAULT_BOX_WIDTH = 150;

function innerWidth(options: LayoutOptions): number {
  const padding = options.padding ?? 0;
  const [left, right] = typeof padding === 'number' ? [padding, padding] : [padding.left ?? 0, padding.right ?? 0];
  return (options.box?.width ?? DEFAULT_BOX_WIDTH) - left - right;
}

export default function WordBreakTextRenderer(this: Renderer, config: unknown) {
  TextRenderer.call(this, config as never);
  const createText = this.createText.bind(this);
  const getDimensions = this.getDimensions.bind(this);
  const prepare = (text: string, options: LayoutOptions = {}) =>
    breakLines(text, innerWidth(options), (word) => getDimensions(word, { box: { width: 10_000 }, padding: 0, style: options.style }).width);
  this.createText = (text, options = {}) => createText(prepare(text, options), options);
  this.getDimensions = (text, options = {}) => getDimensions(prepare(text, options), options);
}

WordBreakTextRenderer.$inject = ['config.textRenderer'];
