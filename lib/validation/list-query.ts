import { z } from 'zod';

// URL search params of the list pages (home: flows; organisation: members, roles). Anything malformed
// falls back to the default instead of failing the page: a hand-edited URL still shows a list.

const text = z.string().trim().max(100).catch('');
const page = z.coerce.number().int().min(1).max(100_000).catch(1);
const category = z.enum(['CORE', 'SUPPORT', 'MANAGEMENT']).optional().catch(undefined);
const id = z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/).optional().catch(undefined);

type RawParams = Record<string, string | string[] | undefined>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** The home page's flow list: ?q=&category=&org=&page= */
export function parseFlowListParams(params: RawParams) {
  return {
    q: text.parse(first(params.q) ?? ''),
    category: category.parse(first(params.category) || undefined),
    organisationId: id.parse(first(params.org) || undefined),
    page: page.parse(first(params.page) ?? 1),
  };
}

/** A list on a page with several (the organisation page): its own prefix, e.g. ?mq=&mpage= for members. */
export function parsePrefixedListParams(params: RawParams, prefix: string) {
  return { q: text.parse(first(params[`${prefix}q`]) ?? ''), page: page.parse(first(params[`${prefix}page`]) ?? 1) };
}
