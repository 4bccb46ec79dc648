import { describe, expect, it } from 'vitest';
import { commentsCsv } from './comments-csv';

const labels = { element: 'Steg', kind: 'Typ', status: 'Status', author: 'Av', createdAt: 'När', body: 'Text', reason: 'Skäl', reply: 'Svar' };

describe('commentsCsv', () => {
  it('writes a BOM, semicolons and CRLF, quotes what needs it and defuses formulas', () => {
    const csv = commentsCsv(
      [
        { element: 'Planera', kind: 'Förslag', status: 'Öppen', author: 'Johan', createdAt: '2026-12-01 10:00', body: 'Byt "namn"; tack', depth: 0, reason: '' },
        { element: 'Planera', kind: 'Förslag', status: 'Öppen', author: 'Ahmed', createdAt: '2026-12-01 10:05', body: '=1+1', depth: 1, reason: '' },
      ],
      labels,
    );
    expect(csv).toBe(
      '\uFEFFSteg;Typ;Status;Av;När;Text;Skäl\r\n' +
        'Planera;Förslag;Öppen;Johan;2026-12-01 10:00;"Byt ""namn""; tack";\r\n' +
        "Planera;Svar;;Ahmed;2026-12-01 10:05;'=1+1;\r\n",
    );
  });
});
