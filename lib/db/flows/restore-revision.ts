import { randomUUID } from 'node:crypto';
import { poolRightsOf, type Actor } from '@/lib/auth/policy';
import { scopeOf } from '@/lib/coediting/flow-scope';
import { diffStates } from '@/lib/domain/records/record-state';
import { AppError } from '@/lib/errors';
import { pooledSql } from '../client';
import { commitChanges } from './commit-changes';
import { stateAtVersionIn } from './flow-head';
import { getFlowForActor } from './get-flow';

/**
 * Restoring never rewrites history: the old state becomes a new version on top of the head, through
 * the one commit path, so pool rights hold (a restore may not change another organisation's pool) and
 * a stale base answers 409 like any save.
 */
export async function restoreRevision(actor: Actor, flowId: string, version: number, baseVersion: number): Promise<{ version: number }> {
  const flow = await getFlowForActor(actor, flowId, 'flow.edit');
  if (version < 1 || version > flow.headVersion) {
    throw new AppError('NOT_FOUND', `This flow has no version ${version}; the newest is version ${flow.headVersion}.`, { headVersion: flow.headVersion });
  }
  const old = await stateAtVersionIn(pooledSql, flow.id, version);
  const committed = await commitChanges({
    flowId: flow.id,
    authorId: actor.userId,
    batchId: `restore-${randomUUID()}`,
    rights: poolRightsOf(actor, scopeOf(flow)),
    revision: { message: `Återställd från version ${version}` },
    auditAction: 'flow.revision.restored',
    ops: (head) => {
      if (head.headVersion !== baseVersion) {
        throw new AppError('CONFLICT', `The flow has changed since version ${baseVersion}; the newest is version ${head.headVersion}.`, {
          reason: 'STALE_VERSION',
          headVersion: head.headVersion,
          baseVersion,
        });
      }
      return diffStates(head.state, old);
    },
  });
  return { version: committed.version };
}
