import { z } from 'zod';

/** POST /api/flows/:id/presentations: optionally a version (default: the head) and a lifetime. */
export const createPresentationSchema = z
  .object({
    version: z.number().int().positive().optional(),
    /** How long the links work; a workshop day by default, at most a week. */
    expiresInMinutes: z.number().int().min(5).max(7 * 24 * 60).optional(),
  })
  .strict();

/** PUT /api/presentations/:code. */
export const movePresentationSchema = z
  .object({
    stepIndex: z.number().int().min(0),
    overview: z.boolean().optional(),
  })
  .strict();

/** A session code as typed: letters and digits, any case, spaces and dashes ignored. */
export const presentationCodeSchema = z
  .string()
  .transform((s) => s.replace(/[\s-]+/g, '').toUpperCase())
  .pipe(z.string().regex(/^[A-Z0-9]{4,12}$/));
