import { describe, expect, it } from 'vitest';
import { canChangeOwnComment, canComment, canDecideSuggestion, canResolveComment, type Access, type Actor } from './policy';

// Issue 14's rights, written out by hand for each actor: a kommun and a region share the flow; the
// suggestion is addressed to the kommun and written by someone in the region.
const flow = { ownerOrganisationId: 'kommun', participantOrganisationIds: ['kommun', 'region'] };
const suggestion = { authorId: 'author', addressedToOrganisationId: 'kommun' };
const actor = (userId: string, org: string, access: Access): Actor => ({ userId, memberships: [{ organisationId: org, access }] });

const CASES: Array<[string, Actor, { comment: boolean; decide: boolean; resolve: boolean; own: boolean }]> = [
  ['kommun viewer', actor('u1', 'kommun', 'VIEWER'), { comment: true, decide: false, resolve: false, own: false }],
  ['kommun editor', actor('u2', 'kommun', 'EDITOR'), { comment: true, decide: true, resolve: true, own: false }],
  ['kommun admin', actor('u3', 'kommun', 'ADMIN'), { comment: true, decide: true, resolve: true, own: false }],
  ['region viewer', actor('u4', 'region', 'VIEWER'), { comment: true, decide: false, resolve: false, own: false }],
  ['region editor', actor('u5', 'region', 'EDITOR'), { comment: true, decide: false, resolve: true, own: false }],
  ['the author, a region viewer', actor('author', 'region', 'VIEWER'), { comment: true, decide: false, resolve: true, own: true }],
  ['the author, removed from the region', { userId: 'author', memberships: [] }, { comment: false, decide: false, resolve: false, own: false }],
  ['an outsider admin', actor('u6', 'other', 'ADMIN'), { comment: false, decide: false, resolve: false, own: false }],
];

describe('comment policy', () => {
  it.each(CASES)('%s', (_name, who, expected) => {
    expect({
      comment: canComment(who, flow),
      decide: canDecideSuggestion(who, suggestion),
      resolve: canResolveComment(who, flow, suggestion),
      own: canChangeOwnComment(who, flow, suggestion),
    }).toEqual(expected);
  });

  it('a comment addressed to nobody (the whole flow) is decided by nobody', () => {
    expect(canDecideSuggestion(actor('u2', 'kommun', 'ADMIN'), { authorId: 'x', addressedToOrganisationId: null })).toBe(false);
  });
});
