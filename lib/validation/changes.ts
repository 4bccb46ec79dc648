import { z } from 'zod';
import type { Json } from '@/lib/domain/records/types';

// A change batch from the editor: one bpmn-js command as element-level ops (lib/domain/records).

const json: z.ZodType<Json> = z.lazy(() =>
  z.union([z.null(), z.boolean(), z.number(), z.string().max(100_000), z.array(json).max(10_000), z.record(z.string().max(200), json)]),
);

const elementId = z.string().min(1).max(255);
const fieldKey = z.string().regex(/^(@parent|@prop|@lanes|[abrx]:[^\s]{1,200})$/, 'not a record field');
const qualifiedType = z.string().regex(/^[A-Za-z][\w.-]*:[A-Za-z][\w.-]*$/, 'not a BPMN type');

const fields = z.record(fieldKey, json);

export const opSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('put'), id: elementId, type: qualifiedType, fields }),
  z.object({ op: z.literal('patch'), id: elementId, fields }),
  z.object({ op: z.literal('remove'), id: elementId }),
]);

export const changeBatchSchema = z.object({
  batchId: z.string().min(8).max(100).regex(/^[\w-]+$/),
  ops: z.array(opSchema).max(20_000),
});

export type ChangeBatch = z.infer<typeof changeBatchSchema>;

export const checkpointSchema = z.object({ message: z.string().trim().min(1).max(500) });

export const presenceSchema = z.object({
  clientId: z.string().min(8).max(100).regex(/^[\w-]+$/),
  mode: z.enum(['view', 'edit']),
  selection: z.array(elementId).max(200).default([]),
});
