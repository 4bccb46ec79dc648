// Pool colours: an organisation's brand colour becomes a light fill with a dark stroke. bpmn-js draws a
// shape's label in its stroke colour, so the stroke must stay readable on the fill (WCAG AA, 4.5:1).

type Rgb = [number, number, number];

function parseHex(hex: string): Rgb | undefined {
  const match = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex.trim());
  if (!match?.[1]) return undefined;
  const digits = match[1].length === 3 ? [...match[1]].map((d) => d + d).join('') : match[1];
  return [0, 2, 4].map((i) => parseInt(digits.slice(i, i + 2), 16)) as Rgb;
}

function toHex(rgb: Rgb): string {
  return `#${rgb.map((c) => Math.round(Math.min(255, Math.max(0, c))).toString(16).padStart(2, '0')).join('')}`;
}

function mix(rgb: Rgb, with_: Rgb, amount: number): Rgb {
  return rgb.map((c, i) => c + (with_[i]! - c) * amount) as Rgb;
}

function luminance(rgb: Rgb): number {
  const [r, g, b] = rgb.map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrastRatio(a: string, b: string): number {
  const la = luminance(parseHex(a) ?? [0, 0, 0]);
  const lb = luminance(parseHex(b) ?? [0, 0, 0]);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

export type ShapeColours = { fill: string; stroke: string };

const FALLBACK = '#475569';

/** A light tint of the colour as fill, and the colour (darkened until readable on that fill) as stroke. */
export function shapeColours(colour: string): ShapeColours {
  const base = parseHex(colour) ?? parseHex(FALLBACK)!;
  const fill = toHex(mix(base, [255, 255, 255], 0.88));
  let stroke = base;
  for (let i = 0; i < 20 && contrastRatio(toHex(stroke), fill) < 4.5; i++) stroke = mix(stroke, [0, 0, 0], 0.15);
  return { fill, stroke: toHex(stroke) };
}
