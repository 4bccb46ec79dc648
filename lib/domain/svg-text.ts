// Text for the server-rendered SVG: escaping (names come from users and from foreign files) and a
// rough word wrap, since there is no font metrics API on the server.

export function escapeXml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const CHAR_WIDTH = 5.8; // average width of a 12 px sans-serif character

export function wrapText(text: string, width: number): string[] {
  const maxChars = Math.max(4, Math.floor(width / CHAR_WIDTH));
  const lines: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      for (const piece of word.match(new RegExp(`.{1,${maxChars}}`, 'gu')) ?? []) {
        if (!line) line = piece;
        else if (line.length + 1 + piece.length <= maxChars) line += ` ${piece}`;
        else {
          lines.push(line);
          line = piece;
        }
      }
    }
    if (line) lines.push(line);
  }
  return lines;
}

export type TextBox = { x: number; y: number; width: number; height: number };

/** Lines centred in a box (vertically centred unless `top`), as an escaped <text> element. */
export function textBlock(text: string, box: TextBox, options: { top?: boolean; colour?: string } = {}): string {
  const lines = wrapText(text, box.width);
  if (lines.length === 0) return '';
  const lineHeight = 14;
  const cx = box.x + box.width / 2;
  const firstY = options.top ? box.y + 12 : box.y + box.height / 2 - ((lines.length - 1) * lineHeight) / 2 + 4;
  const spans = lines.map((line, i) => `<tspan x="${round(cx)}" y="${round(firstY + i * lineHeight)}">${escapeXml(line)}</tspan>`).join('');
  return `<text text-anchor="middle"${options.colour ? ` fill="${escapeXml(options.colour)}"` : ''}>${spans}</text>`;
}

/** A label written bottom-to-top in a pool's or lane's label band: up to two lines, then cut with "…". */
export function verticalLabel(text: string, band: TextBox, colour?: string): string {
  const cx = band.x + band.width / 2;
  const cy = band.y + band.height / 2;
  const maxChars = Math.max(4, Math.floor((band.height - 10) / CHAR_WIDTH));
  const all = wrapText(text, band.height - 10);
  const lines = all.slice(0, 2);
  if (all.length > 2) lines[1] = `${lines[1]!.slice(0, maxChars - 1)}…`;
  const spans = lines
    .map((line, i) => `<tspan x="${round(cx)}" y="${round(cy + 4 + (i - (lines.length - 1) / 2) * 13)}">${escapeXml(line)}</tspan>`)
    .join('');
  return `<text text-anchor="middle" transform="rotate(-90 ${round(cx)} ${round(cy)})"${colour ? ` fill="${escapeXml(colour)}"` : ''}>${spans}</text>`;
}

export function round(n: number): number {
  return Math.round(n * 10) / 10;
}
