// A flow's comments as CSV for the workshop minutes: the same dialect as the RACI export (UTF-8 with a
// BOM, semicolons, CRLF; cells starting with = + - @ quoted so Excel never runs them as formulas).

export type CsvComment = {
  element: string;
  kind: string;
  status: string;
  author: string;
  createdAt: string;
  body: string;
  /** 0 for a thread's first comment, 1 for a reply. */
  depth: number;
  reason: string;
};

export type CommentCsvLabels = { element: string; kind: string; status: string; author: string; createdAt: string; body: string; reason: string; reply: string };

export function commentsCsv(rows: readonly CsvComment[], labels: CommentCsvLabels): string {
  const header = [labels.element, labels.kind, labels.status, labels.author, labels.createdAt, labels.body, labels.reason];
  const lines = rows.map((r) => [r.element, r.depth ? labels.reply : r.kind, r.depth ? '' : r.status, r.author, r.createdAt, r.body, r.reason]);
  return `\uFEFF${[header, ...lines].map((cells) => cells.map(csvCell).join(';')).join('\r\n')}\r\n`;
}

function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
