'use server';

import { revalidatePath } from 'next/cache';
import { getSessionUser } from '@/lib/auth/session';
import { acceptInvitation, acceptInvitationAsNewUser } from '@/lib/db/invitations';
import { acceptAsNewUserSchema, invitationTokenSchema, type FormState } from '@/lib/validation/organisations';
import { errorState, runFormAction } from '../../organisations/form-action';
import { z } from 'zod';

/** A signed-in user with the invited email joins the organisation. */
export async function acceptInvitationAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const token = String(formData.get('token') ?? '');
  return runFormAction(formData, z.object({ token: invitationTokenSchema }), `/invitations/${token}`, async (input, { user }) => {
    const organisationId = await acceptInvitation(user, input.token);
    revalidatePath('/');
    return { status: 'ok', organisationId };
  });
}

/**
 * A new person creates their account from the link. Needs no session (they have no account yet); the
 * invitation itself is the proof. The browser then signs in with the password just chosen.
 */
export async function acceptAsNewUserAction(_prev: FormState, formData: FormData): Promise<FormState> {
  if (await getSessionUser()) return { status: 'error', message: 'errors.ACCOUNT_EXISTS' };
  const parsed = acceptAsNewUserSchema.safeParse(Object.fromEntries(formData));
  const input = { name: String(formData.get('name') ?? '') };
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0])] ??= issue.message;
    return { status: 'error', fieldErrors, input };
  }
  try {
    const { email, organisationId } = await acceptInvitationAsNewUser(parsed.data);
    return { status: 'ok', organisationId, values: { email } };
  } catch (e) {
    return { ...errorState(e), input };
  }
}
