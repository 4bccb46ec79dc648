import { randomUUID } from 'node:crypto';
import { poolRightsOf, type Actor } from '@/lib/auth/policy';
import { commitChanges } from '@/lib/db/flows/commit-changes';
import type { FlowDetail } from '@/lib/db/flows/get-flow';
import { scopeOf } from './flow-scope';

/**
 * Names the head as a version in the history. Edits are committed continuously, so this changes no
 * element: it is a commit of its own (one new version) whose revision carries the name. Being its own
 * commit, it cannot race an autosave: it names exactly what is committed when it runs.
 */
export async function nameVersion(actor: Actor, flow: FlowDetail, message: string): Promise<{ version: number }> {
  const { version } = await commitChanges({
    flowId: flow.id,
    authorId: actor.userId,
    batchId: `name-${randomUUID()}`,
    ops: [],
    rights: poolRightsOf(actor, scopeOf(flow)),
    revision: { message },
    auditAction: 'flow.version.named',
  });
  return { version };
}
