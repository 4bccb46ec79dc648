import { describe, expect, it } from 'vitest';
import { parseFlowListParams, parsePrefixedListParams } from './list-query';

describe('list search params', () => {
  it('reads search, filters and page, and falls back to defaults for anything malformed', () => {
    expect(parseFlowListParams({ q: ' hemgång ', category: 'SUPPORT', org: 'abc123', page: '3' })).toEqual({
      q: 'hemgång',
      category: 'SUPPORT',
      organisationId: 'abc123',
      page: 3,
    });
    expect(parseFlowListParams({ category: 'X', org: '<script>', page: '-2' })).toEqual({ q: '', category: undefined, organisationId: undefined, page: 1 });
    expect(parseFlowListParams({ q: ['a', 'b'], page: 'abc' })).toMatchObject({ q: 'a', page: 1 });
  });

  it('keeps several lists of one page apart by prefix', () => {
    expect(parsePrefixedListParams({ mq: 'anna', mpage: '2', rq: 'läkare' }, 'm')).toEqual({ q: 'anna', page: 2 });
    expect(parsePrefixedListParams({ mq: 'anna', mpage: '2', rq: 'läkare' }, 'r')).toEqual({ q: 'läkare', page: 1 });
  });
});
