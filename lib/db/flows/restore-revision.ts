import type { Actor } from '@/lib/auth/policy';
import { getFlowForActor } from './get-flow';
import { findRevision } from './get-revision-xml';
import { saveRevision } from './save-revision';

/**
 * Restoring never rewrites history: the old XML becomes a new revision on top of `baseVersion`,
 * through the one save path (so a stale base answers 409 like any save).
 */
export async function restoreRevision(actor: Actor, flowId: string, version: number, baseVersion: number): Promise<{ version: number }> {
  const flow = await getFlowForActor(actor, flowId, 'flow.edit');
  const old = await findRevision(flow, version);
  return saveRevision(actor, flow.id, { xml: old.xml, baseVersion, message: `Återställd från version ${old.version}` });
}
