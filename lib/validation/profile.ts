import { z } from 'zod';
import { LOCALES } from '@/lib/i18n/config';

export const localeSchema = z.enum(LOCALES);

export const profileSchema = z.object({
  name: z.string().trim().min(1).max(120),
  locale: localeSchema,
});

export const createTokenSchema = z.object({
  name: z.string().trim().min(1).max(80),
});

export const revokeTokenSchema = z.object({
  tokenId: z.string().min(1).max(64),
});
