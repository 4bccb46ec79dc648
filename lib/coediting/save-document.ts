import { randomUUID } from 'node:crypto';
import { poolRightsOf, type Actor } from '@/lib/auth/policy';
import { parseBpmn } from '@/lib/bpmn/parse-bpmn';
import { recordStateOf } from '@/lib/bpmn/records';
import { toXml } from '@/lib/bpmn/serialise';
import { commitChanges, rightsError } from '@/lib/db/flows/commit-changes';
import { stateAtVersionIn } from '@/lib/db/flows/flow-head';
import { getFlowForActor } from '@/lib/db/flows/get-flow';
import { readStoredBpmn } from '@/lib/db/flows/get-revision-xml';
import { pooledSql } from '@/lib/db/client';
import { mergeThreeWay } from '@/lib/domain/records/merge';
import { diffStates } from '@/lib/domain/records/record-state';
import { checkRights } from '@/lib/domain/records/rights';
import { AppError } from '@/lib/errors';
import { scopeOf } from './flow-scope';

export type SaveDocumentRequest = { xml: string; baseVersion: number; message?: string };

/**
 * A whole document (PUT …/bpmn: scripts, a file saved elsewhere): STRICT parse (a dangling reference
 * here is a bug or tampering: 400), then the author's changes since `baseVersion` — element by
 * element — on top of whatever others committed meanwhile (three-way merge). Rights come first (403),
 * then the merge (409 naming the elements both sides changed). One accepted document is one new
 * version, kept as a revision.
 */
export async function saveDocument(actor: Actor, flowId: string, request: SaveDocumentRequest): Promise<{ version: number }> {
  const flow = await getFlowForActor(actor, flowId, 'flow.edit');
  const { definitions } = await parseBpmn(request.xml, 'strict');
  // Records of moddle's normal form, as the head's are: namespace declarations and defaults alike.
  const ours = recordStateOf(await readStoredBpmn(await toXml(definitions)));
  const rights = poolRightsOf(actor, scopeOf(flow));
  const { version } = await commitChanges({
    flowId: flow.id,
    authorId: actor.userId,
    batchId: `doc-${randomUUID()}`,
    rights,
    revision: { message: request.message ?? null },
    ops: async (head) => {
      if (request.baseVersion > head.headVersion || request.baseVersion < 1) {
        throw new AppError('CONFLICT', `Version ${request.baseVersion} does not exist; the newest is version ${head.headVersion}.`, {
          reason: 'UNKNOWN_VERSION',
          headVersion: head.headVersion,
          baseVersion: request.baseVersion,
        });
      }
      const base = request.baseVersion === head.headVersion ? head.state : await stateAtVersionIn(pooledSql, flow.id, request.baseVersion);
      const mine = diffStates(base, ours);
      const refusal = checkRights(base, ours, mine, rights);
      if (refusal) throw rightsError(refusal.reason, refusal.elementIds);
      if (base === head.state) return mine;
      const merged = mergeThreeWay(base, ours, head.state);
      if (!merged.ok) {
        throw new AppError('CONFLICT', `Someone else changed the same elements since version ${request.baseVersion}: ${merged.elementIds.slice(0, 5).join(', ')}.`, {
          reason: 'CONFLICT',
          elementIds: merged.elementIds,
          headVersion: head.headVersion,
          baseVersion: request.baseVersion,
        });
      }
      return merged.ops;
    },
  });
  return { version };
}
