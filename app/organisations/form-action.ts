import type { z } from 'zod';
import { requireSessionUser, type SessionUser } from '@/lib/auth/session';
import type { Actor } from '@/lib/auth/policy';
import { loadActor } from '@/lib/db/actors';
import { isAppError } from '@/lib/errors';
import type { FormState } from '@/lib/validation/organisations';

type Context = { user: SessionUser; actor: Actor };

/** Zod issues to { field: messageKey }; the first issue per field wins. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'form');
    errors[field] ??= issue.message.includes('.') ? issue.message : 'validation.invalidId';
  }
  return errors;
}

/** A typed error from lib/ to a form answer; anything else is logged and shown as a generic message. */
export function errorState(e: unknown): FormState {
  if (isAppError(e)) {
    const reason = typeof e.details?.reason === 'string' ? e.details.reason : undefined;
    const key = `errors.${reason ?? (e.code === 'NOT_FOUND' || e.code === 'FORBIDDEN' ? e.code : 'UNKNOWN')}`;
    const field = typeof e.details?.field === 'string' ? e.details.field : undefined;
    return field ? { status: 'error', fieldErrors: { [field]: key } } : { status: 'error', message: key };
  }
  console.error('form action failed', e);
  return { status: 'error', message: 'errors.UNKNOWN' };
}

/**
 * The shape of every server action on the organisation pages: re-check the session, validate the form
 * with zod, then run (lib/ asks policy and writes the audit event), mapping failures to a form answer.
 */
export async function runFormAction<S extends z.ZodType>(
  formData: FormData,
  schema: S,
  path: string,
  run: (input: z.infer<S>, ctx: Context) => Promise<FormState>,
): Promise<FormState> {
  const user = await requireSessionUser(path);
  const input = echoedInput(formData);
  const parsed = schema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { status: 'error', fieldErrors: fieldErrorsOf(parsed.error), input };
  try {
    return await run(parsed.data, { user, actor: await loadActor(user.id) });
  } catch (e) {
    return { ...errorState(e), input };
  }
}

/** The form's own fields as strings: without React's hidden $ACTION fields and never a password. */
function echoedInput(formData: FormData): Record<string, string> {
  const input: Record<string, string> = {};
  for (const [key, value] of formData) {
    if (typeof value === 'string' && !key.startsWith('$') && key !== 'password') input[key] = value;
  }
  return input;
}
