import { definitionsOf } from '@/lib/bpmn/records';
import { isAppError } from '@/lib/errors';
import { db } from '../client';
import { sqlOf } from '../sql';
import { readHeadState } from './flow-head';
import { projectResponsibilities } from './project-responsibilities';
import { REVISION_TX_OPTIONS } from './save-revision';

export type ReprojectReport = { projected: number; refused: { flowId: string; message: string }[] };

/**
 * Projects the head of every flow that has no projection yet (flows last saved before the
 * responsibility tables existed). Idempotent; a flow whose head names unknown roles is reported, not
 * changed: its next save will say which element to fix.
 */
export async function reprojectFlowsWithoutProjection(): Promise<ReprojectReport> {
  const flows = await db.flow.findMany({
    where: { archivedAt: null, headVersion: { gt: 0 }, activities: { none: {} }, handovers: { none: {} }, responsibilities: { none: {} } },
    select: { id: true, headVersion: true },
  });
  const report: ReprojectReport = { projected: 0, refused: [] };
  for (const flow of flows) {
    try {
      // The head, with every committed change (the head revision may be older than the head).
      const definitions = definitionsOf(await readHeadState(flow.id, flow.headVersion));
      await db.$transaction((tx) => projectResponsibilities(sqlOf(tx), flow.id, definitions), REVISION_TX_OPTIONS);
      report.projected++;
    } catch (e) {
      if (!isAppError(e)) throw e;
      report.refused.push({ flowId: flow.id, message: e.message });
    }
  }
  return report;
}
