import { renameLanesOfRole } from '@/lib/bpmn/lanes';
import { toXml } from '@/lib/bpmn/serialise';
import { isAppError } from '@/lib/errors';
import { db } from '../client';
import { findRevision, readStoredBpmn } from './get-revision-xml';
import { appendRevision, asConflict, REVISION_TX_OPTIONS } from './save-revision';

const ATTEMPTS = 4;

export type RoleRenameResult = { updatedFlowIds: string[]; failedFlowIds: string[] };

/**
 * A lane stays linked to its role: when the role is renamed in the catalogue, every flow whose head
 * revision has a lane for it gets a new revision with the lanes renamed. The caller (the role
 * catalogue) has already checked that the actor may manage the role; this propagation is not a user's
 * edit of the flow, so it does not ask flow policy again. A flow saved meanwhile is retried on its new
 * head; one that still fails is reported, never half-written.
 */
export async function renameRoleInFlows(actorUserId: string, roleId: string, newName: string): Promise<RoleRenameResult> {
  const candidates = await db.$queryRaw<{ id: string }[]>`
    SELECT f."id" FROM "Flow" f
    JOIN "FlowRevision" r ON r."flowId" = f."id" AND r."version" = f."headVersion"
    WHERE f."archivedAt" IS NULL AND strpos(r."bpmnXml", ${roleId}) > 0`;
  const result: RoleRenameResult = { updatedFlowIds: [], failedFlowIds: [] };
  for (const { id } of candidates) {
    try {
      if (await renameInFlow(actorUserId, id, roleId, newName)) result.updatedFlowIds.push(id);
    } catch (e) {
      console.error(`renameRoleInFlows: flow ${id} not updated`, e);
      result.failedFlowIds.push(id);
    }
  }
  return result;
}

async function renameInFlow(actorUserId: string, flowId: string, roleId: string, newName: string): Promise<boolean> {
  for (let attempt = 1; ; attempt++) {
    const flow = await db.flow.findUniqueOrThrow({ where: { id: flowId }, select: { id: true, name: true, headVersion: true, ownerOrganisationId: true } });
    const definitions = await readStoredBpmn((await findRevision(flow)).xml);
    // The text search above also matches the id elsewhere; only a lane linked to the role counts.
    if (!renameLanesOfRole(definitions, roleId, newName)) return false;
    const xml = await toXml(definitions);
    try {
      await db.$transaction(
        (tx) =>
          appendRevision(tx, {
            flowId,
            ownerOrganisationId: flow.ownerOrganisationId,
            authorId: actorUserId,
            xml,
            baseVersion: flow.headVersion,
            message: `Rollen bytte namn till ${newName}`,
          }),
        REVISION_TX_OPTIONS,
      );
      return true;
    } catch (e) {
      const err = asConflict(e, flowId, flow.headVersion);
      if (!(isAppError(err) && err.code === 'CONFLICT') || attempt >= ATTEMPTS) throw err;
    }
  }
}
