import type { EditorRights } from '@/lib/domain/records/rights';
import { poolRightsOf, type Actor } from '@/lib/auth/policy';
import type { FlowDetail } from '@/lib/db/flows/get-flow';
import { scopeOf } from './flow-scope';

/** The pool rights for the editor's read-only pools, as plain data a client component can take. */
export function editorRights(actor: Actor, flow: FlowDetail): EditorRights {
  const rights = poolRightsOf(actor, scopeOf(flow));
  return { ownerOrganisationId: rights.ownerOrganisationId, editableOrganisationIds: [...rights.editableOrganisationIds], ownerAdmin: rights.ownerAdmin };
}
