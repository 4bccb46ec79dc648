import { z } from 'zod';
import { BANDS } from '@/lib/domain/landscape';

const text = (max: number) => z.string().trim().max(max).default('');
const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

/** A landscape entry: its own process, or the landscape's description of a flow (flowId). */
export const landscapeEntrySchema = z.object({
  name: z.string().trim().min(1).max(200),
  category: z.enum(BANDS),
  purpose: text(2000),
  customer: text(200),
  valueDelivered: text(2000),
  legalBasis: text(500),
  processOwner: text(200),
  flowId: id.nullish(),
  serves: z.array(id).max(100).default([]),
});

export type LandscapeEntryInput = z.infer<typeof landscapeEntrySchema>;
