import { commentsCsv, type CsvComment } from '@/lib/domain/comments/comments-csv';
import type { Locale } from '@/lib/i18n/config';
import en from '@/lib/i18n/messages/en/comments.json';
import sv from '@/lib/i18n/messages/sv/comments.json';
import type { CommentJson } from './comment-json';

const MESSAGES = { sv, en };

/** The threads as the CSV rows of the minutes: each thread, then its replies. Column headings in the caller's language. */
export function commentsCsvOf(comments: readonly CommentJson[], locale: Locale): string {
  const m = MESSAGES[locale];
  const time = (iso: string) => new Date(iso).toLocaleString(locale === 'en' ? 'en-GB' : 'sv-SE', { timeZone: 'Europe/Stockholm' });
  const rows: CsvComment[] = [];
  for (const c of comments) {
    const element = c.elementId === null ? m.csv.flow : (c.elementName ?? c.elementId);
    rows.push({ element, kind: m.kind[c.kind], status: m.status[c.status], author: c.authorName, createdAt: time(c.createdAt), body: c.deleted ? m.list.deleted : c.body, depth: 0, reason: c.reason ?? '' });
    for (const r of c.replies) rows.push({ element, kind: '', status: '', author: r.authorName, createdAt: time(r.createdAt), body: r.body, depth: 1, reason: '' });
  }
  return commentsCsv(rows, m.csv);
}
