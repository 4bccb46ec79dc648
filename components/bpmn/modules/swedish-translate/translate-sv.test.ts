import { describe, expect, it } from 'vitest';
import { SV_TEXTS } from './sv-texts';
import { translateFor, translateSv } from './translate-sv';

describe('translateSv', () => {
  it('translates a known palette text', () => {
    expect(translateSv('Create task')).toBe('Uppgift');
  });
  it('fills placeholders after translating', () => {
    expect(translateSv('Open {element}', { element: 'Delprocess' })).toBe('Öppna Delprocess');
  });
  it('leaves unknown texts in English rather than blank', () => {
    expect(translateSv('Some new bpmn-js text')).toBe('Some new bpmn-js text');
  });
  it('spells events "händelse" (Starthändelse, not Startändelse)', () => {
    expect(translateSv('Create start event')).toBe('Starthändelse');
    expect(translateSv('Create end event')).toBe('Sluthändelse');
    expect(Object.values(SV_TEXTS).filter((text) => /ändelse/i.test(text) && !/händelse/i.test(text))).toEqual([]);
  });
});

describe('translateFor', () => {
  it('follows the UI language: Swedish for sv, the English template otherwise', () => {
    expect(translateFor('sv', 'Zoom in')).toBe('Zooma in');
    expect(translateFor('en', 'Zoom in')).toBe('Zoom in');
    expect(translateFor('en', 'Open {element}', { element: 'Sub-process' })).toBe('Open Sub-process');
  });
});
