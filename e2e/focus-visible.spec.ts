import type { Page } from '@playwright/test';
import { expect, storageStateFor, test } from './fixtures';

// WCAG 2.4.7 Focus Visible and 2.4.11 Focus Not Obscured / 1.4.11 Non-text Contrast: every control
// reached with Tab shows a focus ring of at least 3:1 against what surrounds it. axe cannot see this
// (the header's ring once had the header's own colour and axe passed), so each stop is measured.

test.use({ storageState: storageStateFor('kommun.editor') });
test.describe.configure({ timeout: 120_000 });

type Stop = { what: string; ratio: number; width: number };

/** Tabs through the page from the top and measures each stop's outline against the background behind it. */
async function tabStops(page: Page, count: number): Promise<Stop[]> {
  await page.locator('body').focus();
  const stops: Stop[] = [];
  for (let i = 0; i < count; i++) {
    await page.keyboard.press('Tab');
    stops.push(
      await page.evaluate(() => {
        // Any CSS colour (Tailwind 4 writes lab() and oklch()) as [r, g, b, alpha 0–1], through a canvas pixel.
        const pixel = document.createElement('canvas').getContext('2d', { willReadFrequently: true })!;
        const parse = (c: string) => {
          pixel.clearRect(0, 0, 1, 1);
          pixel.fillStyle = c;
          pixel.fillRect(0, 0, 1, 1);
          const [r, g, b, a] = pixel.getImageData(0, 0, 1, 1).data;
          return [r!, g!, b!, a! / 255];
        };
        const luminance = ([r, g, b]: number[]) => {
          const ch = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
          return 0.2126 * ch(r!) + 0.7152 * ch(g!) + 0.0722 * ch(b!);
        };
        const el = document.activeElement as HTMLElement;
        const style = getComputedStyle(el);
        // The ring sits outside the element (outline-offset): it is seen against whatever is painted
        // just outside each side of the element, the element itself aside. A ring may touch a
        // neighbouring control on one side (a segmented language switch), so three sides of four must pass.
        const rect = el.getBoundingClientRect();
        const out = (parseFloat(style.outlineOffset) || 0) + 1;
        const behind = (x: number, y: number) => {
          for (const n of document.elementsFromPoint(Math.max(0, x), Math.max(0, y))) {
            if (n === el || el.contains(n)) continue;
            const c = getComputedStyle(n).backgroundColor;
            if (parse(c)[3]! > 0) return c;
          }
          return 'rgb(255, 255, 255)';
        };
        const ring = luminance(parse(style.outlineColor));
        const ratios = [
          behind(rect.left - out, rect.top + rect.height / 2),
          behind(rect.right + out, rect.top + rect.height / 2),
          behind(rect.left + rect.width / 2, rect.top - out),
          behind(rect.left + rect.width / 2, rect.bottom + out),
        ]
          .map((bg) => {
            const [l1, l2] = [ring, luminance(parse(bg))].sort((a, b) => b - a);
            return (l1! + 0.05) / (l2! + 0.05);
          })
          .sort((a, b) => a - b);
        const width = style.outlineStyle === 'none' ? 0 : parseFloat(style.outlineWidth);
        return { what: `${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}"`, ratio: ratios[1]!, width };
      }),
    );
  }
  return stops;
}

for (const path of ['/', '/profile']) {
  test(`every stop of the header and the first controls on ${path} has a focus ring of 3:1 or more`, async ({ page }) => {
    await page.goto(path);
    for (const stop of await tabStops(page, 12)) {
      expect(stop.width, `${stop.what} has an outline`).toBeGreaterThanOrEqual(2);
      expect(stop.ratio, `${stop.what}: focus ring contrast`).toBeGreaterThanOrEqual(3);
    }
  });
}
