import { mediaTypeOf, withUser, type RouteContext } from '@/lib/api/route';
import { readLimitedText } from '@/lib/api/read-body';
import type { FlowAction } from '@/lib/auth/policy';
import { getFlowForActor, type FlowDetail } from '@/lib/db/flows/get-flow';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { revisionMessageSchema, versionParamSchema } from '@/lib/validation/flows';

export type FlowParams = { id: string };
export type FlowRouteContext = RouteContext<FlowParams> & { flow: FlowDetail };

/**
 * withUser plus the flow: `export const PUT = withFlow('flow.edit', async ({ flow, actor, req }) => …)`.
 * The flow is loaded through policy before the handler runs: 404 when out of reach, 403 when visible
 * but the action is not allowed.
 */
export function withFlow(action: FlowAction, handler: (ctx: FlowRouteContext) => Promise<Response>) {
  return withUser<FlowParams>(async (ctx) => {
    const flow = await getFlowForActor(ctx.actor, ctx.params.id, action);
    return handler({ ...ctx, flow });
  });
}

/** A version's ETag is the version number, quoted as RFC 9110 wants. */
export function etagOf(version: number): string {
  return `"${version}"`;
}

/**
 * The version an edit is based on, from If-Match. Accepts "3", 3 and W/"3": clients and proxies differ.
 * Missing → 428 (a save must say what it was based on, or it could silently overwrite someone).
 */
export function baseVersionFrom(req: Request): number {
  const header = req.headers.get('if-match');
  if (header === null || header.trim() === '') {
    throw new AppError('PRECONDITION_REQUIRED', 'Send If-Match with the version your change is based on (the ETag you loaded).');
  }
  const match = /^(?:W\/)?"?([0-9]{1,9})"?$/.exec(header.trim());
  if (!match) throw new AppError('INVALID', 'If-Match must be one version, such as "3".', { field: 'If-Match' });
  return Number(match[1]);
}

/** ?version=N when present (400 when not a positive whole number), else undefined (the head). */
export function versionFromQuery(req: Request, name = 'version'): number | undefined {
  const raw = new URL(req.url).searchParams.get(name);
  if (raw === null) return undefined;
  const parsed = versionParamSchema.safeParse(raw);
  if (!parsed.success) throw new AppError('INVALID', `${name}: must be a positive whole number`, { field: name });
  return parsed.data;
}

/** The revision message: X-Revision-Message (URL-encoded, headers are Latin-1) or ?message=. */
export function revisionMessageFrom(req: Request): string | undefined {
  const header = req.headers.get('x-revision-message');
  let raw: string | null = new URL(req.url).searchParams.get('message');
  if (header !== null) {
    try {
      raw = decodeURIComponent(header);
    } catch {
      throw new AppError('INVALID', 'X-Revision-Message must be URL-encoded.', { field: 'X-Revision-Message' });
    }
  }
  const parsed = revisionMessageSchema.safeParse(raw ?? undefined);
  if (!parsed.success) throw new AppError('INVALID', 'message: at most 500 characters', { field: 'message' });
  return parsed.data || undefined;
}

const XML_TYPES = ['application/xml', 'text/xml', 'application/bpmn+xml', 'application/octet-stream'];

export function isXmlContentType(req: Request): boolean {
  return XML_TYPES.includes(mediaTypeOf(req));
}


/** A BPMN body, refused with 415 when it is not sent as XML and 413 past BPMN_MAX_BYTES. */
export async function readBpmnBody(req: Request): Promise<string> {
  if (!isXmlContentType(req)) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the BPMN file with Content-Type: application/xml.');
  }
  return readLimitedText(req, env.BPMN_MAX_BYTES);
}

/** attachment; with an ASCII fallback and the real name in RFC 5987 form, never a header injection. */
export function attachmentDisposition(baseName: string, extension: string): string {
  const cleaned = baseName.replace(/[\u0000-\u001f\u007f"\\/:*?<>|]+/g, ' ').trim().slice(0, 120) || 'flode';
  const ascii = cleaned
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._ -]+/g, '')
    .replace(/\s+/g, '-') || 'flode';
  return `attachment; filename="${ascii}.${extension}"; filename*=UTF-8''${encodeURIComponent(`${cleaned}.${extension}`)}`;
}
