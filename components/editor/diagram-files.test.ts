import { describe, expect, it } from 'vitest';
import { safeFileName } from './diagram-files';

describe('safeFileName', () => {
  it('keeps letters and digits, turns Swedish letters into plain ones and spaces into dashes', () => {
    expect(safeFileName('Utskrivning från slutenvård 2026', 'bpmn')).toBe('Utskrivning-fran-slutenvard-2026.bpmn');
  });
  it('drops characters that are unsafe in file names', () => {
    expect(safeFileName('../a/b:c*?"<>|', 'svg')).toBe('a-b-c.svg');
  });
  it('never returns an empty name', () => {
    expect(safeFileName('???', 'png')).toBe('flode.png');
  });
});
