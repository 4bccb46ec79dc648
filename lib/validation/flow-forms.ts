import { z } from 'zod';

// Schemas for the flow pages' HTML forms (FormData, not JSON). Messages are keys in the `flow`
// namespace (`validation.*`), translated where the form is answered.

const id = z.string().trim().min(1).max(100);

export const FLOW_CATEGORIES = ['CORE', 'SUPPORT', 'MANAGEMENT'] as const;
export type FlowCategory = (typeof FLOW_CATEGORIES)[number];

export const newFlowFormSchema = z.object({
  name: z.string().trim().min(1, 'validation.nameRequired').max(200, 'validation.nameTooLong'),
  purpose: z.string().trim().max(2000, 'validation.purposeTooLong'),
  category: z.enum(FLOW_CATEGORIES, 'validation.categoryRequired'),
  ownerOrganisationId: id.or(z.literal('')).refine((v) => v !== '', 'validation.ownerRequired'),
  organisationIds: z.array(id).min(1, 'validation.organisationsRequired'),
  /** Chosen role ids per organisation id. */
  roles: z.record(id, z.array(id)),
}).superRefine((input, ctx) => {
  if (input.ownerOrganisationId && !input.organisationIds.includes(input.ownerOrganisationId)) {
    ctx.addIssue({ code: 'custom', path: ['ownerOrganisationId'], message: 'validation.ownerMustTakePart' });
  }
});
export type NewFlowForm = z.infer<typeof newFlowFormSchema>;

export const importFlowFormSchema = z.object({
  name: z.string().trim().max(200, 'validation.nameTooLong'),
  ownerOrganisationId: id.or(z.literal('')).refine((v) => v !== '', 'validation.ownerRequired'),
});
export type ImportFlowForm = z.infer<typeof importFlowFormSchema>;

export const mappingFormSchema = z.object({
  baseVersion: z.coerce.number().int().positive(),
  participants: z.record(z.string(), z.string()),
  lanes: z.record(z.string(), z.string()),
  keepNames: z.array(z.string()).default([]),
});
export type MappingForm = z.infer<typeof mappingFormSchema>;

export const versionSchema = z.coerce.number().int().positive();

/** Raw FormData → the shape the schemas expect (repeated checkboxes become arrays). */
export function newFlowFormInput(form: FormData) {
  return {
    name: String(form.get('name') ?? ''),
    purpose: String(form.get('purpose') ?? ''),
    category: form.get('category') ?? undefined,
    ownerOrganisationId: String(form.get('ownerOrganisationId') ?? ''),
    organisationIds: form.getAll('organisationIds').map(String),
    roles: rolesByOrganisation(form),
  };
}

/** Role checkboxes are named `roles.<organisationId>`; roles of organisations not chosen are ignored later. */
function rolesByOrganisation(form: FormData): Record<string, string[]> {
  const roles: Record<string, string[]> = {};
  for (const [key, value] of form.entries()) {
    if (!key.startsWith('roles.') || typeof value !== 'string') continue;
    (roles[key.slice('roles.'.length)] ??= []).push(value);
  }
  return roles;
}

/** `participant:<id>` and `lane:<id>` selects → { participants, lanes }; '' means "not linked". */
export function mappingFormInput(form: FormData) {
  const participants: Record<string, string> = {};
  const lanes: Record<string, string> = {};
  // '' is kept: "Inte kopplad" is a choice, and mapFlowOrganisations reads '' as "remove the link".
  for (const [key, value] of form.entries()) {
    if (typeof value !== 'string') continue;
    if (key.startsWith('participant:')) participants[key.slice('participant:'.length)] = value;
    if (key.startsWith('lane:')) lanes[key.slice('lane:'.length)] = value;
  }
  return { baseVersion: form.get('baseVersion'), participants, lanes, keepNames: form.getAll('keepName').map(String) };
}

/** First message per field, for showing each error beside its field. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'form');
    out[field] ??= issue.message;
  }
  return out;
}
