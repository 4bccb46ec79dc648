import type { Indicator, IndicatorUnit, Direction, PeriodValue } from '@/lib/domain/indicators/indicator';
import { inPeriodOrder } from '@/lib/domain/indicators/indicator';
import { AppError } from '@/lib/errors';
import { recordAudit } from './audit';
import { db } from './client';

type Row = { id: string; name: string; elementId: string; unit: string; target: number; direction: string; values: PeriodValue[] };

const select = { id: true, name: true, elementId: true, unit: true, target: true, direction: true, values: { select: { period: true, value: true } } } as const;

function toIndicator(row: Row): Indicator {
  return { ...row, unit: row.unit as IndicatorUnit, direction: row.direction as Direction, values: inPeriodOrder(row.values) };
}

export async function listIndicators(flowId: string): Promise<Indicator[]> {
  const rows = await db.flowIndicator.findMany({ where: { flowId }, select, orderBy: { createdAt: 'asc' } });
  return rows.map(toIndicator);
}

/** The steps and handovers of the flow's head an indicator can follow up, with their time limits. */
export async function listMeasurableElements(flowId: string): Promise<{ elementId: string; name: string; timeLimit: string | null }[]> {
  const [activities, handovers] = await Promise.all([
    db.flowActivity.findMany({ where: { flowId }, select: { elementId: true, name: true, timeLimit: true, position: true }, orderBy: { position: 'asc' } }),
    db.flowHandover.findMany({ where: { flowId }, select: { elementId: true, name: true, timeLimit: true, position: true }, orderBy: { position: 'asc' } }),
  ]);
  return [...activities, ...handovers].map(({ elementId, name, timeLimit }) => ({ elementId, name, timeLimit }));
}

export type NewIndicator = Omit<Indicator, 'id' | 'values'>;

/** An indicator follows up a step or handover that is in the flow now (the responsibility projection of its head). */
export async function createIndicator(flow: { id: string; ownerId: string }, authorId: string, input: NewIndicator): Promise<Indicator> {
  const known = (await listMeasurableElements(flow.id)).some((e) => e.elementId === input.elementId);
  if (!known) throw new AppError('INVALID', 'elementId: no step or handover of this flow has that id.', { field: 'elementId' });
  return db.$transaction(async (tx) => {
    const row = await tx.flowIndicator.create({ data: { ...input, flowId: flow.id, createdById: authorId }, select });
    await recordAudit({ actorId: authorId, action: 'flow.indicator.created', objectType: 'Flow', objectId: flow.id, organisationId: flow.ownerId, data: { indicatorId: row.id, name: row.name } }, tx);
    return toIndicator(row);
  });
}

/** Stores a period's value, replacing the one before; a whole import in one transaction, so it lands whole or not at all. */
export async function putIndicatorValues(flow: { id: string; ownerId: string }, indicatorId: string, authorId: string, values: readonly PeriodValue[]): Promise<Indicator> {
  return db.$transaction(async (tx) => {
    const found = await tx.flowIndicator.findFirst({ where: { id: indicatorId, flowId: flow.id }, select: { id: true } });
    if (!found) throw new AppError('NOT_FOUND', 'This flow has no such indicator.');
    for (const v of values) {
      await tx.indicatorValue.upsert({
        where: { indicatorId_period: { indicatorId, period: v.period } },
        create: { indicatorId, period: v.period, value: v.value },
        update: { value: v.value },
      });
    }
    await recordAudit({ actorId: authorId, action: 'flow.indicator.values', objectType: 'Flow', objectId: flow.id, organisationId: flow.ownerId, data: { indicatorId, periods: values.map((v) => v.period) } }, tx);
    return toIndicator(await tx.flowIndicator.findUniqueOrThrow({ where: { id: indicatorId }, select }));
  });
}
