import { hyphenateSync } from 'hyphen/sv';

// diagram-js lays a label out line by line and, when a word is wider than the box, cuts it wherever
// the width runs out ("Skicka inskrivningsme|ddelande", diagram-js/lib/util/Text.js shortenLine). Given
// soft hyphens it packs as much as fits ("Skicka in-"), which is legal but hard to read. So the lines
// are chosen here and handed over with explicit line breaks, each of which fits: words move to the next
// line whole, and only a word wider than a whole line is hyphenated, as late as fits ("inskrivnings-"),
// at the places Swedish hyphenation allows (the TeX patterns for Swedish, through `hyphen`). Labels are
// Swedish content whatever the UI language, so the patterns are Swedish.

const SOFT_HYPHEN = '\u00AD';

/** `text` broken into lines no wider than `maxWidth` (as `measure` sees them), joined by "\n". */
export function breakLines(text: string, maxWidth: number, measure: (line: string) => number): string {
  if (!text || !(maxWidth > 0)) return text;
  const fits = (line: string) => measure(line) <= maxWidth;
  return text
    .split(/\r?\n/)
    .map((paragraph) => breakParagraph(paragraph, fits))
    .join('\n');
}

function breakParagraph(paragraph: string, fits: (line: string) => boolean): string {
  const lines: string[] = [];
  let current = '';
  for (const word of paragraph.split(/\s+/).filter(Boolean)) {
    const joined = current ? `${current} ${word}` : word;
    if (fits(joined)) {
      current = joined;
      continue;
    }
    // A line that ends between two words keeps its space, as diagram-js's own lines do, so the label's
    // text still reads "Min osparade uppgift" (tspans are joined without anything between them).
    if (current) lines.push(`${current} `);
    current = word;
    if (fits(word)) continue;
    // Wider than a whole line: fill each line with as many syllables as fit, then a hyphen.
    let rest = hyphenateSync(word, { hyphenChar: SOFT_HYPHEN }).split(SOFT_HYPHEN);
    while (rest.length > 1) {
      let take = 1;
      while (take < rest.length && fits(`${rest.slice(0, take + 1).join('')}-`)) take++;
      const head = rest.slice(0, take).join('');
      // A written hyphen already ends the line ("SIP-"); others get one.
      lines.push(head.endsWith('-') ? head : `${head}-`);
      rest = rest.slice(take);
      if (fits(rest.join(''))) break;
    }
    current = rest.join('');
  }
  if (current) lines.push(current);
  return lines.join('\n');
}
