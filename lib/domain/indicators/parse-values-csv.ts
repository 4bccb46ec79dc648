import { PERIOD, type PeriodValue } from './indicator';

export type CsvLineError = { line: number; message: string };
export type CsvParse = { ok: true; values: PeriodValue[] } | { ok: false; errors: CsvLineError[] };

const NUMBER = /^-?\d+(\.\d+)?$/;

/**
 * Reads an indicator import: the header `period,value` on line 1, then one `YYYY-MM,number` row per
 * period. All or nothing: every bad line is reported by its line number in the file (the header is
 * line 1), so a person can fix the file in one go. Blank lines (a trailing newline) are not rows.
 */
export function parseValuesCsv(text: string): CsvParse {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const errors: CsvLineError[] = [];
  const header = (lines[0] ?? '').trim().toLowerCase().replace(/\s*,\s*/, ',');
  if (header !== 'period,value') errors.push({ line: 1, message: 'The first line must be the header "period,value".' });
  const values: PeriodValue[] = [];
  const seen = new Map<string, number>();
  lines.slice(1).forEach((raw, i) => {
    const line = i + 2;
    if (raw.trim() === '') return;
    const fields = raw.split(',').map((f) => f.trim());
    if (fields.length !== 2) return errors.push({ line, message: 'A row has exactly two fields: period,value.' });
    const [period, value] = fields as [string, string];
    if (!PERIOD.test(period)) return errors.push({ line, message: `"${period.slice(0, 20)}" is not a month written YYYY-MM.` });
    if (!NUMBER.test(value)) return errors.push({ line, message: `"${value.slice(0, 20)}" is not a number (use a point for decimals).` });
    const earlier = seen.get(period);
    if (earlier !== undefined) return errors.push({ line, message: `${period} is already on line ${earlier}.` });
    seen.set(period, line);
    values.push({ period, value: Number(value) });
  });
  if (values.length === 0 && errors.length === 0) errors.push({ line: 1, message: 'The file has no rows after the header.' });
  return errors.length ? { ok: false, errors } : { ok: true, values };
}
