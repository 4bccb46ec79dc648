import { describe, expect, it } from 'vitest';
import { breakLines } from './breakable-text';

// About Arial 12 px: 6 px a character; a task's label box is 86 px wide (100 minus 7 px padding each side).
const measure = (line: string) => line.length * 6;
const lines = (text: string, width = 86) => breakLines(text, width, measure).split('\n').map((line) => line.trimEnd());

describe('breakLines', () => {
  it('moves words to the next line whole', () => {
    expect(lines('Planera insatser från primärvården')).toEqual(['Planera', 'insatser från', 'primärvården']);
  });

  it('hyphenates a word wider than a line as late as fits, at a Swedish syllable break', () => {
    expect(lines('Skicka inskrivningsmeddelande')).toEqual(['Skicka', 'inskrivnings-', 'meddelande']);
    expect(lines('Bedöma patienten som utskrivningsklar')).toEqual(['Bedöma', 'patienten som', 'utskrivnings-', 'klar']);
  });

  it('keeps a written hyphen as the break it already is, and the lines the author wrote', () => {
    expect(lines('SIP-planeringsmötet', 56)).toEqual(['SIP-pla-', 'nerings-', 'mötet']);
    expect(lines('Kalla till\nSIP')).toEqual(['Kalla till', 'SIP']);
  });

  it('keeps the space at the end of a line that ends between words, so the label reads as one text', () => {
    expect(breakLines('Skicka inskrivningsmeddelande', 86, measure)).toBe('Skicka \ninskrivnings-\nmeddelande');
  });

  it('leaves text in a wide box on one line', () => {
    expect(lines('Skicka inskrivningsmeddelande', 400)).toEqual(['Skicka inskrivningsmeddelande']);
  });
});
