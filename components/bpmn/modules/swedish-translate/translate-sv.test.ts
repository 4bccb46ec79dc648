import { describe, expect, it } from 'vitest';
import { translateSv } from './translate-sv';

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
});
