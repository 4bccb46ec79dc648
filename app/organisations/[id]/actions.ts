'use server';

import { headers } from 'next/headers';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { createInvitation, revokeInvitation } from '@/lib/db/invitations';
import { changeMemberAccess, removeMember, setApprover } from '@/lib/db/memberships';
import { createRole, setRoleArchived, updateRole } from '@/lib/db/roles';
import { env } from '@/lib/env';
import { sendMail } from '@/lib/mail';
import {
  archiveRoleSchema,
  changeAccessSchema,
  createRoleSchema,
  inviteMemberSchema,
  removeMemberSchema,
  revokeInvitationSchema,
  setApproverSchema,
  updateRoleSchema,
  type FormState,
} from '@/lib/validation/organisations';
import { runFormAction } from '../form-action';

const pathOf = (organisationId: string) => `/organisations/${organisationId}`;

/**
 * The absolute link for the email and the copy field; NEXTAUTH_URL wins over the request's host. The
 * X-Forwarded-* headers are believed only behind a configured proxy (TRUST_PROXY): otherwise a caller
 * could choose the host that invitation links point at.
 */
async function originOf(): Promise<string> {
  if (env.NEXTAUTH_URL) return env.NEXTAUTH_URL.replace(/\/$/, '');
  const h = await headers();
  const behindProxy = env.TRUST_PROXY.kind !== 'none';
  const host = (behindProxy ? h.get('x-forwarded-host') : null) ?? h.get('host') ?? 'localhost:3000';
  const proto = (behindProxy ? h.get('x-forwarded-proto') : null) ?? (host.startsWith('localhost') || host.startsWith('127.') ? 'http' : 'https');
  return `${proto}://${host}`;
}

export async function inviteMemberAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, inviteMemberSchema, pathOf(String(formData.get('organisationId'))), async (input, { actor, user }) => {
    const invitation = await createInvitation(actor, input);
    const link = `${await originOf()}/invitations/${invitation.secret}`;
    // Swedish by default: the invitee has not chosen a language yet.
    const emailed = await sendMail({
      to: invitation.email,
      subject: `Inbjudan till ${invitation.organisationName} i Stafett`,
      text: `${user.name} har bjudit in dig till ${invitation.organisationName} i Stafett.\n\nÖppna länken för att gå med (gäller till ${invitation.expiresAt.toISOString().slice(0, 10)}):\n${link}\n`,
    });
    revalidatePath(pathOf(input.organisationId));
    return { status: 'ok', link, emailed, values: { email: invitation.email } };
  });
}

export async function revokeInvitationAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, revokeInvitationSchema, pathOf(String(formData.get('organisationId'))), async (input, { actor }) => {
    await revokeInvitation(actor, input.organisationId, input.invitationId);
    revalidatePath(pathOf(input.organisationId));
    return { status: 'ok' };
  });
}

export async function changeAccessAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, changeAccessSchema, pathOf(String(formData.get('organisationId'))), async (input, { actor }) => {
    await changeMemberAccess(actor, input);
    revalidatePath(pathOf(input.organisationId));
    return { status: 'ok', message: 'members.accessSaved' };
  });
}

export async function removeMemberAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, removeMemberSchema, pathOf(String(formData.get('organisationId'))), async (input, { actor }) => {
    await removeMember(actor, input);
    revalidatePath(pathOf(input.organisationId));
    return { status: 'ok', message: 'members.removed' };
  });
}

export async function setApproverAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, setApproverSchema, pathOf(String(formData.get('organisationId'))), async (input, { actor }) => {
    await setApprover(actor, input);
    revalidatePath(pathOf(input.organisationId));
    return { status: 'ok', message: input.approver ? 'members.approverNamedDone' : 'members.approverWithdrawnDone' };
  });
}

export async function createRoleAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, createRoleSchema, pathOf(String(formData.get('organisationId'))), async (input, { actor }) => {
    const role = await createRole(actor, input);
    revalidatePath(pathOf(input.organisationId));
    return { status: 'ok', message: 'roles.added', values: { name: role.name } };
  });
}

export async function updateRoleAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, updateRoleSchema, pathOf(String(formData.get('organisationId'))), async (input, { actor }) => {
    await updateRole(actor, input);
    revalidatePath(pathOf(input.organisationId));
    return { status: 'ok', message: 'roles.saved' };
  });
}

const setArchivedSchema = archiveRoleSchema.extend({ archived: z.enum(['true', 'false']) });

export async function setRoleArchivedAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, setArchivedSchema, pathOf(String(formData.get('organisationId'))), async (input, { actor }) => {
    await setRoleArchived(actor, input, input.archived === 'true');
    revalidatePath(pathOf(input.organisationId));
    return { status: 'ok' };
  });
}
