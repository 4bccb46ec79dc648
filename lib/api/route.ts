import { randomUUID } from 'node:crypto';
import { NextResponse } from 'next/server';
import type { z } from 'zod';
import { findTokenOwner } from '@/lib/db/api-tokens';
import { getSessionCaller, type Caller, type SessionUser } from '@/lib/auth/session';
import type { Actor } from '@/lib/auth/policy';
import { AppError, isAppError } from '@/lib/errors';
import { env } from '@/lib/env';
import { readLimitedBytes } from './read-body';
import { assertSameOrigin } from './same-origin';

export type RouteContext<P> = {
  req: Request;
  user: SessionUser;
  actor: Actor;
  params: P;
};

type NextRouteArgs<P> = { params: Promise<P> };

/** JSON error body used by every API route: { error: { code, message, ...details } }. */
export function errorResponse(err: AppError, requestId?: string): NextResponse {
  return NextResponse.json(
    { error: { code: err.code, message: err.message, ...(err.details ?? {}), ...(requestId ? { requestId } : {}) } },
    { status: err.status },
  );
}

/** Maps anything thrown to a JSON response; unexpected errors are logged with a request id, never shown. */
export function toErrorResponse(e: unknown): NextResponse {
  if (isAppError(e)) return errorResponse(e);
  const requestId = randomUUID();
  console.error(`[${requestId}]`, e);
  const down = isDatabaseDown(e);
  return errorResponse(
    down
      ? new AppError('UNAVAILABLE', 'The database is not answering. Try again in a moment.')
      : new AppError('INTERNAL', 'Something went wrong on our side.'),
    requestId,
  );
}

function isDatabaseDown(e: unknown): boolean {
  const text = String((e as { message?: string })?.message ?? e);
  return /ECONNREFUSED|Can't reach database|connection terminated|timeout exceeded when trying to connect|DatabaseNotReachable/i.test(text);
}

/**
 * The caller and their memberships: a Bearer token (scripts) or the session cookie (browser). Only the
 * cookie is sent by the browser on its own, so only a cookie call is checked for coming from another
 * site (CSRF).
 */
export async function authenticate(req: Request): Promise<Caller | null> {
  const header = req.headers.get('authorization');
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1]) throw new AppError('UNAUTHENTICATED', 'The Authorization header must be "Bearer <token>".');
    return findTokenOwner(match[1]);
  }
  assertSameOrigin(req, env.NEXTAUTH_URL);
  return getSessionCaller();
}

/**
 * One wrapper for authenticated API routes: reads the caller, loads what policy needs, maps typed
 * errors to JSON. A call with neither cookie nor token answers 401 JSON, never a redirect.
 */
export function withUser<P = Record<string, never>>(
  handler: (ctx: RouteContext<P>) => Promise<Response>,
): (req: Request, args: NextRouteArgs<P>) => Promise<Response> {
  return async (req, args) => {
    try {
      const caller = await authenticate(req);
      if (!caller) throw new AppError('UNAUTHENTICATED', 'Sign in or send an API token (Authorization: Bearer <token>).');
      const params = (await args?.params) ?? ({} as P);
      return await handler({ req, user: caller.user, actor: caller.actor, params });
    } catch (e) {
      return toErrorResponse(e);
    }
  };
}

/** JSON bodies are small forms (create, restore, mapping); BPMN travels as XML with its own limit. */
const MAX_JSON_BYTES = 1024 * 1024;

/**
 * Parses a JSON body with a zod schema; a bad body answers 400 naming the field, a huge one 413.
 * Only `application/json` is read (415 otherwise): a cross-origin form can send text/plain without a
 * CORS preflight, never application/json, so this also closes the form-post CSRF route.
 */
export async function parseJsonBody<S extends z.ZodType>(req: Request, schema: S): Promise<z.infer<S>> {
  if (mediaTypeOf(req) !== 'application/json') {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the request body as JSON, with Content-Type: application/json.');
  }
  const bytes = await readLimitedBytes(req, MAX_JSON_BYTES);
  let body: unknown;
  try {
    body = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw new AppError('INVALID', 'The request body must be JSON.');
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') || '(body)';
    throw new AppError('INVALID', `${field}: ${issue?.message ?? 'invalid'}`, { field });
  }
  return parsed.data;
}

/** The media type of the body, lower case, without parameters ("application/json; charset=utf-8" → "application/json"). */
export function mediaTypeOf(req: Request): string {
  return (req.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
}
