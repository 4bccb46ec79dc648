import { z } from 'zod';
import { AppError } from '@/lib/errors';

// Request bodies and query parameters of the flow API and the flow forms. Validated once at the edge;
// lib/db/flows trusts these types.

const id = z.string().trim().min(1).max(64);

export const flowCategorySchema = z.enum(['CORE', 'SUPPORT', 'MANAGEMENT']);
export type FlowCategory = z.infer<typeof flowCategorySchema>;

export const createFlowSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    purpose: z.string().trim().max(2000).default(''),
    category: flowCategorySchema,
    organisations: z
      .array(id)
      .min(1, 'choose at least one organisation')
      .refine((ids) => new Set(ids).size === ids.length, 'each organisation may be listed once'),
    roles: z.record(id, z.array(id).refine((ids) => new Set(ids).size === ids.length, 'each role may be listed once')).default({}),
    ownerOrganisationId: id.optional(),
  })
  .superRefine((input, ctx) => {
    for (const orgId of Object.keys(input.roles)) {
      if (!input.organisations.includes(orgId)) {
        ctx.addIssue({ code: 'custom', path: ['roles', orgId], message: 'roles given for an organisation that is not listed' });
      }
    }
    if (input.ownerOrganisationId && !input.organisations.includes(input.ownerOrganisationId)) {
      ctx.addIssue({ code: 'custom', path: ['ownerOrganisationId'], message: 'the owner must be one of the listed organisations' });
    }
  });
export type CreateFlowInput = z.input<typeof createFlowSchema>;
export type CreateFlowData = z.output<typeof createFlowSchema>;

/** Metadata for a flow created from an uploaded BPMN file (query parameters of POST /api/flows). */
export const importFlowMetaSchema = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  purpose: z.string().trim().max(2000).optional(),
  category: flowCategorySchema.optional(),
  ownerOrganisationId: id.optional(),
});
export type ImportFlowMeta = z.infer<typeof importFlowMetaSchema>;

export const revisionMessageSchema = z.string().trim().max(500).optional();

export const saveRevisionSchema = z.object({
  xml: z.string().min(1),
  baseVersion: z.number().int().min(0),
  message: revisionMessageSchema,
});
export type SaveRevisionInput = z.infer<typeof saveRevisionSchema>;

/** A version number from a query string ("3"): a positive integer, nothing else. */
export const versionParamSchema = z
  .string()
  .regex(/^[1-9][0-9]{0,8}$/, 'must be a positive whole number')
  .transform(Number);

export const diffQuerySchema = z.object({ from: versionParamSchema, to: versionParamSchema });

/** GET /api/flows/:id/raci: JSON by default, ?format=csv for the matrix as a spreadsheet. */
export const raciQuerySchema = z.object({ format: z.enum(['json', 'csv']).default('json') });

export const restoreRevisionSchema = z.object({
  version: z.number().int().min(1),
  baseVersion: z.number().int().min(1),
});

// BPMN element ids come from other tools and can be long (Signavio's "sid-<uuid>" and longer).
const elementId = z.string().min(1).max(255);

/** pool id → organisation id and lane id → role id; '' removes a link. */
export const flowMappingSchema = z.object({
  participants: z.record(elementId, z.string().trim().max(64)).default({}),
  lanes: z.record(elementId, z.string().trim().max(64)).default({}),
  /** Pools that keep their own name when mapped; the others take their organisation's name. */
  keepNames: z.array(elementId).max(1000).default([]),
});
export type FlowMapping = z.infer<typeof flowMappingSchema>;
/** What callers may pass: `keepNames` (and empty maps) may be left out. */
export type FlowMappingInput = z.input<typeof flowMappingSchema>;

export const mapFlowOrganisationsSchema = flowMappingSchema.extend({
  baseVersion: z.number().int().min(1),
});

/**
 * Parses input that may come from a form or a server action rather than parseJsonBody; a bad value
 * answers 400 naming the field, like parseJsonBody does.
 */
export function parseFlowInput<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue?.path.join('.') || '(body)';
  throw new AppError('INVALID', `${field}: ${issue?.message ?? 'invalid'}`, { field });
}
