import { z } from 'zod';
import { DIRECTIONS, INDICATOR_UNITS, PERIOD } from '@/lib/domain/indicators/indicator';

// Request bodies of the indicator API (issue 15: follow-up of time limits).

export const createIndicatorSchema = z.object({
  name: z.string().trim().min(1).max(200),
  elementId: z.string().min(1).max(255),
  unit: z.enum(INDICATOR_UNITS),
  target: z.number().finite(),
  direction: z.enum(DIRECTIONS),
});

export const periodValueSchema = z.object({
  period: z.string().regex(PERIOD, 'a month written YYYY-MM'),
  value: z.number().finite(),
});

export const indicatorValuesSchema = z.object({ values: z.array(periodValueSchema).min(1).max(1200) });

export const indicatorIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

/** The form beside the flow: one period at a time, the value as typed (a decimal comma is accepted). */
export const indicatorValueFormSchema = z.object({
  period: z.string().regex(PERIOD),
  value: z.string().trim().regex(/^-?\d+([.,]\d+)?$/).transform((v) => Number(v.replace(',', '.'))),
});
