/** One page of a list the server filtered and cut: what a list page and its pagination need. */
export type Page<T> = { items: T[]; total: number; page: number; pageSize: number; pageCount: number };

/** Lists show this many rows a page: enough to scan, few enough to load fast with 1,600 flows. */
export const PAGE_SIZE = 25;

/** The page asked for, kept inside the pages that exist (page 99 of 3 shows page 3). */
export function pageWindow(requested: number, total: number, pageSize = PAGE_SIZE) {
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(1, Math.floor(requested) || 1), pageCount);
  return { page, pageCount, pageSize, skip: (page - 1) * pageSize };
}

/** `text` for SQL LIKE / Prisma `contains` without its wildcards meaning anything. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
