import { z } from 'zod';
import { COMMENT_BODY_MAX } from '@/lib/domain/comments/limits';
import { JOURNEY_PHASES, VALUE_CLASSES } from '@/lib/bpmn/stafett-details';

// Comments and suggestions (issue 14's contract). Bodies are plain text: markup is stored as written
// and always shown as text, never interpreted.

export { COMMENT_BODY_MAX };

const body = z.string().trim().min(1, 'must not be empty').max(COMMENT_BODY_MAX, `at most ${COMMENT_BODY_MAX} characters`);

const detailText = z.string().trim().max(2000);

/** Step details a suggestion proposes for an activity: only the fields it names change. */
export const proposedDetailsSchema = z
  .object({
    touchpoint: z.boolean(),
    journeyPhase: z.enum(JOURNEY_PHASES),
    timeLimit: detailText,
    legalBasis: detailText,
    itSystem: detailText,
    why: detailText,
    valueClass: z.enum(VALUE_CLASSES),
  })
  .partial()
  .strip()
  .refine((d) => Object.keys(d).length > 0, 'name at least one step detail');

/** A structured change a suggestion proposes: the element's new name, new step details, or both. */
export const proposalSchema = z
  .object({ name: z.string().trim().min(1).max(500).optional(), details: proposedDetailsSchema.optional() })
  .strip()
  .refine((p) => p.name !== undefined || p.details !== undefined, 'propose a name or step details');

export type Proposal = z.infer<typeof proposalSchema>;

/** `addressedToOrganisationId` is deliberately not read: the server takes it from the element's pool. */
export const createCommentSchema = z.object({
  elementId: z.string().min(1).max(255).nullable().optional(),
  body,
  kind: z.enum(['comment', 'suggestion']).default('comment'),
  proposal: proposalSchema.optional(),
});

export type CreateCommentInput = z.infer<typeof createCommentSchema>;

export const replySchema = z.object({ body });

/** Either a status change (resolve, reopen, accept, reject with a reason) or an edit of one's own body. */
export const updateCommentSchema = z.union([
  z.object({
    status: z.enum(['open', 'resolved', 'accepted', 'rejected']),
    reason: z.string().trim().max(COMMENT_BODY_MAX, `at most ${COMMENT_BODY_MAX} characters`).optional(),
  }),
  z.object({ body }),
]);

export type UpdateCommentInput = z.infer<typeof updateCommentSchema>;

export const commentsQuerySchema = z.object({ format: z.enum(['json', 'csv']).default('json') });

/** Route param: comment ids are cuids. */
export const COMMENT_ID = /^[A-Za-z0-9_-]{1,64}$/;
