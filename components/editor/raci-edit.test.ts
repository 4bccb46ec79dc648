import { describe, expect, it } from 'vitest';
import { nextResponsibilities } from './raci-edit';

describe('nextResponsibilities', () => {
  it('A replaces the Accountable, and "none" removes it', () => {
    const start = [{ roleId: 'a', type: 'accountable' as const }, { roleId: 'c', type: 'consulted' as const }];
    expect(nextResponsibilities(start, 'lane', { letter: 'A', roleId: 'b' })).toEqual([{ roleId: 'c', type: 'consulted' }, { roleId: 'b', type: 'accountable' }]);
    expect(nextResponsibilities(start, 'lane', { letter: 'A', roleId: '' })).toEqual([{ roleId: 'c', type: 'consulted' }]);
  });

  it("R adds to the lane's role, and back to the lane's role alone writes no R at all", () => {
    const added = nextResponsibilities([], 'lane', { letter: 'R', roleId: 'x', on: true });
    expect(added).toEqual([{ roleId: 'lane', type: 'responsible' }, { roleId: 'x', type: 'responsible' }]);
    expect(nextResponsibilities(added, 'lane', { letter: 'R', roleId: 'x', on: false })).toEqual([]);
    expect(nextResponsibilities(added, 'lane', { letter: 'R', roleId: 'lane', on: false })).toEqual([{ roleId: 'x', type: 'responsible' }]);
  });

  it('R without a lane role may become empty; C and I toggle', () => {
    const r = nextResponsibilities([], undefined, { letter: 'R', roleId: 'x', on: true });
    expect(r).toEqual([{ roleId: 'x', type: 'responsible' }]);
    expect(nextResponsibilities(r, undefined, { letter: 'R', roleId: 'x', on: false })).toEqual([]);
    const c = nextResponsibilities([], 'lane', { letter: 'C', roleId: 'y', on: true });
    expect(c).toEqual([{ roleId: 'y', type: 'consulted' }]);
    expect(nextResponsibilities(c, 'lane', { letter: 'C', roleId: 'y', on: false })).toEqual([]);
  });
});
