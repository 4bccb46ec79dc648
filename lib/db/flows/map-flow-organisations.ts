import type { ModdleElement } from 'bpmn-moddle';
import { randomUUID } from 'node:crypto';
import { poolRightsOf, type Actor } from '@/lib/auth/policy';
import { applyOrganisationMapping } from '@/lib/bpmn/lanes';
import { definitionsOf, recordStateOf } from '@/lib/bpmn/records';
import { scopeOf } from '@/lib/coediting/flow-scope';
import { diffStates } from '@/lib/domain/records/record-state';
import { describeCollaboration } from '@/lib/domain/collaboration';
import { shapeColours } from '@/lib/domain/colour';
import { AppError } from '@/lib/errors';
import { flowMappingSchema, parseFlowInput, type FlowMapping, type FlowMappingInput } from '@/lib/validation/flows';
import { db } from '../client';
import { getFlowForActor } from './get-flow';
import { commitChanges } from './commit-changes';

/**
 * Links pools to organisations and lanes to roles (the step after importing a file from elsewhere), makes
 * the mapped organisations participants, and commits the result (with a revision) through the one commit path.
 * Needs flow.edit, not flow.administer: the importer is usually an editor, and a pool in the diagram
 * already names the organisation it stands for.
 */
export async function mapFlowOrganisations(
  actor: Actor,
  flowId: string,
  rawMapping: FlowMappingInput,
  baseVersion: number,
): Promise<{ version: number }> {
  const mapping = parseFlowInput(flowMappingSchema, rawMapping);
  const flow = await getFlowForActor(actor, flowId, 'flow.edit');
  let organisationIds: string[] = [];
  const { version } = await commitChanges({
    flowId: flow.id,
    authorId: actor.userId,
    batchId: `mapping-${randomUUID()}`,
    rights: poolRightsOf(actor, scopeOf(flow)),
    revision: { message: 'Pooler och banor kopplade till organisationer och roller' },
    auditAction: 'flow.mapping.saved',
    ops: async (head) => {
      if (baseVersion !== head.headVersion) {
        throw new AppError('CONFLICT', `The flow has changed since version ${baseVersion}; the newest is version ${head.headVersion}.`, {
          reason: 'STALE_VERSION',
          headVersion: head.headVersion,
          baseVersion,
        });
      }
      const definitions = definitionsOf(head.state);
      const checked = await checkMapping(definitions, mapping);
      organisationIds = checked.organisationIds;
      applyOrganisationMapping(definitions, mapping, { roleNames: checked.roleNames, organisations: checked.organisations, keepNames: mapping.keepNames });
      return diffStates(head.state, recordStateOf(definitions));
    },
    alsoInTransaction: async (tx) => {
      if (!organisationIds.length) return;
      await tx.flowParticipant.createMany({
        data: organisationIds.map((organisationId) => ({ flowId: flow.id, organisationId })),
        skipDuplicates: true,
      });
    },
  });
  return { version };
}

type CheckedMapping = {
  organisationIds: string[];
  roleNames: Record<string, string>;
  /** The mapped organisations' names and shape colours, which their pools take. */
  organisations: Record<string, { name: string; colours: { fill: string; stroke: string } }>;
};

/**
 * 400 for ids not in the diagram, unknown organisations, and roles outside the lane's organisation.
 * Returns the organisations to add as participants and the names the mapped lanes take.
 */
async function checkMapping(definitions: ModdleElement, mapping: FlowMapping): Promise<CheckedMapping> {
  const summary = describeCollaboration(definitions);
  const participants = new Map(summary.participants.map((p) => [p.id, p]));
  const lanes = new Map(summary.lanes.map((l) => [l.id, l]));
  for (const id of Object.keys(mapping.participants)) {
    if (!participants.has(id)) throw invalid(`participants.${id}`, 'no pool with this id in the diagram', 'UNKNOWN_POOL', id);
  }
  for (const id of Object.keys(mapping.lanes)) {
    if (!lanes.has(id)) throw invalid(`lanes.${id}`, 'no lane with this id in the diagram', 'UNKNOWN_LANE', id);
  }
  const orgIds = [...new Set(Object.values(mapping.participants).filter(Boolean))];
  const found = await db.organisation.findMany({ where: { id: { in: orgIds } }, select: { id: true, name: true, colour: true } });
  const known = new Set(found.map((o) => o.id));
  for (const [participantId, orgId] of Object.entries(mapping.participants)) {
    if (orgId && !known.has(orgId)) throw invalid(`participants.${participantId}`, `unknown organisation ${orgId}`, 'UNKNOWN_ORGANISATION', participantId);
  }
  const roles = await db.role.findMany({
    where: { id: { in: Object.values(mapping.lanes) } },
    select: { id: true, name: true, organisationId: true, archivedAt: true },
  });
  const roleById = new Map(roles.map((r) => [r.id, r]));
  for (const [laneId, roleId] of Object.entries(mapping.lanes)) {
    if (!roleId) continue;
    const participantId = lanes.get(laneId)?.participantId;
    const laneOrg = participantId
      ? participantId in mapping.participants
        ? mapping.participants[participantId]
        : participants.get(participantId)?.organisationId
      : undefined;
    const role = roleById.get(roleId);
    if (!laneOrg) throw invalid(`lanes.${laneId}`, 'map the lane’s pool to an organisation first', 'POOL_NOT_MAPPED', laneId);
    if (!role || role.archivedAt || role.organisationId !== laneOrg) {
      throw invalid(`lanes.${laneId}`, `${roleId} is not an active role of the pool’s organisation`, 'ROLE_NOT_IN_ORGANISATION', laneId);
    }
  }
  return {
    organisationIds: orgIds,
    roleNames: Object.fromEntries(roles.map((r) => [r.id, r.name])),
    organisations: Object.fromEntries(found.map((o) => [o.id, { name: o.name, colours: shapeColours(o.colour) }])),
  };
}

type MappingRefusal = 'UNKNOWN_POOL' | 'UNKNOWN_LANE' | 'UNKNOWN_ORGANISATION' | 'POOL_NOT_MAPPED' | 'ROLE_NOT_IN_ORGANISATION';

function invalid(field: string, message: string, reason: MappingRefusal, elementId: string): AppError {
  return new AppError('INVALID', `${field}: ${message}`, { reason, field, elementIds: [elementId] });
}
