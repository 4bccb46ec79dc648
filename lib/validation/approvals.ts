import { z } from 'zod';

// Request bodies of the approval API (issue 15).

export const sendForApprovalSchema = z.object({ version: z.number().int().positive().max(2_147_483_647) });

export const approvalDecisionSchema = z.object({
  decision: z.enum(['approve', 'reject']),
  comment: z.string().trim().max(2000).optional(),
});

/** Approval ids are cuids; anything else cannot exist. */
export const approvalIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
