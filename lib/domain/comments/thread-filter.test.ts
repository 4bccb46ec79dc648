import { describe, expect, it } from 'vitest';
import { filterThreads, openCountsByElement, type ThreadSummary } from './thread-filter';

const t = (over: Partial<ThreadSummary>): ThreadSummary => ({ elementId: 'A', elementRemoved: false, kind: 'comment', status: 'open', addressedToOrganisationId: 'kommun', ...over });
const threads = [
  t({}),
  t({ kind: 'suggestion' }),
  t({ status: 'resolved' }),
  t({ kind: 'suggestion', status: 'rejected', addressedToOrganisationId: 'region' }),
  t({ elementId: null, addressedToOrganisationId: null }),
  t({ elementId: 'Gone', elementRemoved: true }),
];

describe('filterThreads', () => {
  it('filters by open or closed, by kind and by addressed organisation', () => {
    expect(filterThreads(threads, { status: 'open', kind: 'all', addressedTo: null })).toHaveLength(4);
    expect(filterThreads(threads, { status: 'closed', kind: 'all', addressedTo: null })).toEqual([threads[2], threads[3]]);
    expect(filterThreads(threads, { status: 'all', kind: 'suggestion', addressedTo: null })).toEqual([threads[1], threads[3]]);
    expect(filterThreads(threads, { status: 'all', kind: 'all', addressedTo: ['region'] })).toEqual([threads[3]]);
  });
});

describe('openCountsByElement', () => {
  it('counts open threads per element still in the flow, not the flow as a whole', () => {
    expect(openCountsByElement(threads)).toEqual([{ elementId: 'A', count: 2 }]);
  });
});
