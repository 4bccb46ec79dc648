import { z } from 'zod';

// Messages are keys in the `organisation` i18n namespace (validation.*): forms translate them, the
// API shows them beside the field name.
export const idSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'validation.invalidId');

export const accessSchema = z.enum(['VIEWER', 'EDITOR', 'ADMIN'], { message: 'validation.accessRequired' });

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, 'validation.emailRequired')
  .max(254, 'validation.emailInvalid')
  .pipe(z.email('validation.emailInvalid'));

const roleName = z.string().trim().min(1, 'validation.roleNameRequired').max(100, 'validation.roleNameTooLong');
const roleDescription = z.string().trim().max(1000, 'validation.descriptionTooLong').default('');

export const inviteMemberSchema = z.object({
  organisationId: idSchema,
  email: emailSchema,
  access: accessSchema,
});

export const changeAccessSchema = z.object({
  organisationId: idSchema,
  userId: idSchema,
  access: accessSchema,
});

export const removeMemberSchema = z.object({ organisationId: idSchema, userId: idSchema });

/** A form's checkbox-like choice: "true" names the member approver, "false" takes it back. */
export const setApproverSchema = z.object({ organisationId: idSchema, userId: idSchema, approver: z.enum(['true', 'false']).transform((v) => v === 'true') });

export const revokeInvitationSchema = z.object({ organisationId: idSchema, invitationId: idSchema });

export const createRoleSchema = z.object({ organisationId: idSchema, name: roleName, description: roleDescription });

export const updateRoleSchema = createRoleSchema.extend({ roleId: idSchema });

export const archiveRoleSchema = z.object({ organisationId: idSchema, roleId: idSchema });

/** The secret from an invitation link (generateSecret: base64url). */
export const invitationTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, 'validation.invalidToken');

export const PASSWORD_MIN_LENGTH = 10;

export const acceptAsNewUserSchema = z.object({
  token: invitationTokenSchema,
  name: z.string().trim().min(1, 'validation.nameRequired').max(100, 'validation.nameTooLong'),
  password: z
    .string()
    .min(PASSWORD_MIN_LENGTH, 'validation.passwordTooShort')
    .max(200, 'validation.passwordTooLong'),
});

export const organisationParamsSchema = z.object({ id: idSchema });

export type InviteMemberInput = z.infer<typeof inviteMemberSchema>;
export type ChangeAccessInput = z.infer<typeof changeAccessSchema>;
export type RemoveMemberInput = z.infer<typeof removeMemberSchema>;
export type SetApproverInput = z.infer<typeof setApproverSchema>;
export type CreateRoleInput = z.infer<typeof createRoleSchema>;
export type UpdateRoleInput = z.infer<typeof updateRoleSchema>;
export type ArchiveRoleInput = z.infer<typeof archiveRoleSchema>;
export type AcceptAsNewUserInput = z.infer<typeof acceptAsNewUserSchema>;

/**
 * What a form's server action answers. Messages are keys in the `organisation` namespace; the form
 * translates them, so the server never chooses the language.
 */
export type FormState = {
  status: 'idle' | 'ok' | 'error';
  message?: string;
  fieldErrors?: Record<string, string>;
  /** Values echoed back for the success message (e.g. the invited email, the new role's name). */
  values?: Record<string, string>;
  /** After an error: what the user typed (never a password), so the form keeps it. */
  input?: Record<string, string>;
  /** An invitation link, shown to the admin once. */
  link?: string;
  emailed?: boolean;
  /** Where to go next (e.g. the organisation joined). */
  organisationId?: string;
};

export const IDLE: FormState = { status: 'idle' };
