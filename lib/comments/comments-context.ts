import { canOnFlow, organisationsDecidingSuggestions, type Actor } from '@/lib/auth/policy';
import { scopeOf } from '@/lib/coediting/flow-scope';
import { listFlowPeople } from '@/lib/db/comments/comments';
import type { FlowDetail } from '@/lib/db/flows/get-flow';

/** What the comments panel offers the user, from policy (the server decides again on every call). */
export async function commentsContextFor(actor: Actor, flow: FlowDetail) {
  const flowOrgs = new Set(flow.organisations.map((o) => o.id));
  const people = await listFlowPeople(flow.id);
  return {
    userId: actor.userId,
    decidingOrganisationIds: organisationsDecidingSuggestions(actor).filter((id) => flowOrgs.has(id)),
    editor: canOnFlow(actor, scopeOf(flow), 'flow.edit'),
    myOrganisationIds: actor.memberships.map((m) => m.organisationId).filter((id) => flowOrgs.has(id)),
    organisations: flow.organisations.map(({ id, name }) => ({ id, name })),
    mentionExample: people.find((p) => p.id !== actor.userId)?.name ?? 'Förnamn Efternamn',
  };
}
