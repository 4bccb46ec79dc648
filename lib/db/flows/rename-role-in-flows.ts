import { randomUUID } from 'node:crypto';
import { ROLE_FIELD } from '@/lib/bpmn/stafett-details';
import type { Op } from '@/lib/domain/records/types';
import { db } from '../client';
import { commitChanges } from './commit-changes';

const NAME_FIELD = 'a:bpmn:name';

export type RoleRenameResult = { updatedFlowIds: string[]; failedFlowIds: string[] };

/**
 * A lane stays linked to its role: when the role is renamed in the catalogue, every flow whose head
 * has a lane for it gets a commit renaming those lanes (and a revision saying why). The caller (the
 * role catalogue) has already checked that the actor may manage the role; this propagation is not a
 * user's edit of a pool, so pool rights do not apply. Each flow commits on its own locked head, so
 * concurrent edits are never overwritten; a flow that fails is reported, never half-written.
 */
export async function renameRoleInFlows(actorUserId: string, roleId: string, newName: string): Promise<RoleRenameResult> {
  const candidates = await db.$queryRaw<{ id: string }[]>`
    SELECT f."id" FROM "Flow" f
    WHERE f."archivedAt" IS NULL AND (
      EXISTS (SELECT 1 FROM "FlowHeadElement" e WHERE e."flowId" = f."id" AND strpos(e."record"::text, ${roleId}) > 0)
      OR EXISTS (SELECT 1 FROM "FlowRevision" r WHERE r."flowId" = f."id" AND r."version" = f."headVersion" AND strpos(r."bpmnXml", ${roleId}) > 0))`;
  const result: RoleRenameResult = { updatedFlowIds: [], failedFlowIds: [] };
  for (const { id } of candidates) {
    try {
      let renamed = false;
      await commitChanges({
        flowId: id,
        authorId: actorUserId,
        batchId: `role-${randomUUID()}`,
        rights: 'system',
        revision: { message: `Rollen bytte namn till ${newName}` },
        ops: (head) => {
          const ops: Op[] = [];
          for (const record of head.state.byId.values()) {
            if (record.type !== 'bpmn:Lane' || record.fields[ROLE_FIELD] !== roleId || record.fields[NAME_FIELD] === newName) continue;
            ops.push({ op: 'patch', id: record.id, fields: { [NAME_FIELD]: newName } });
          }
          renamed = ops.length > 0;
          // Nothing to rename (the id matched elsewhere in the text): abort without a new version.
          if (!renamed) throw new NothingToRename();
          return ops;
        },
      });
      if (renamed) result.updatedFlowIds.push(id);
    } catch (e) {
      if (e instanceof NothingToRename) continue;
      console.error(`renameRoleInFlows: flow ${id} not updated`, e);
      result.failedFlowIds.push(id);
    }
  }
  return result;
}

class NothingToRename extends Error {}
