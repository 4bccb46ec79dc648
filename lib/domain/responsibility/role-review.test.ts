import { describe, expect, it } from 'vitest';
import { orderRoleReview, type RoleElementRow } from './role-review';

const row = (flowId: string, elementId: string, position: number, letters: string, kind: RoleElementRow['kind'] = 'ACTIVITY'): RoleElementRow => ({
  flowId,
  elementId,
  name: `Steg ${elementId}`,
  kind,
  position,
  letters,
});

describe('orderRoleReview', () => {
  it('orders flows by name in Swedish order (å, ä, ö after z), then elements by position', () => {
    const names = new Map([
      ['f1', 'Öppenvård'],
      ['f2', 'Ärende'],
      ['f3', 'Åtgärd'],
      ['f4', 'Zon'],
      ['f5', 'akut'],
    ]);
    const rows = [row('f1', 'b', 2, 'R'), row('f1', 'a', 1, 'A'), row('f2', 'x', 0, 'C'), row('f3', 'y', 0, 'I'), row('f4', 'z', 0, 'R'), row('f5', 'k', 0, 'R')];
    expect(orderRoleReview(rows, names).map((i) => `${i.flowName}/${i.elementId}`)).toEqual([
      'akut/k',
      'Zon/z',
      'Åtgärd/y',
      'Ärende/x',
      'Öppenvård/a',
      'Öppenvård/b',
    ]);
  });

  it('breaks a tie between flows of the same name by id, whatever order the rows came in', () => {
    const names = new Map([
      ['b', 'Samma'],
      ['a', 'Samma'],
    ]);
    expect(orderRoleReview([row('b', 'x', 0, 'R'), row('a', 'x', 0, 'R')], names).map((i) => i.flowId)).toEqual(['a', 'b']);
  });

  it('gives the letters in RACI order, whatever order they were read in', () => {
    const [item] = orderRoleReview([row('f', 'e', 0, 'ICAR')], new Map([['f', 'Flöde']]));
    expect(item!.letters).toEqual(['R', 'A', 'C', 'I']);
    expect(orderRoleReview([row('f', 'e', 0, 'IA')], new Map([['f', 'Flöde']]))[0]!.letters).toEqual(['A', 'I']);
  });

  it('leaves out the elements of flows the actor may not see, and keeps each item whole', () => {
    const items = orderRoleReview([row('hidden', 'a', 0, 'R'), row('seen', 'h', 3, 'CA', 'HANDOVER')], new Map([['seen', 'Synligt']]));
    expect(items).toEqual([{ flowId: 'seen', flowName: 'Synligt', elementId: 'h', name: 'Steg h', kind: 'HANDOVER', letters: ['A', 'C'] }]);
  });

  it('answers no items for no rows', () => {
    expect(orderRoleReview([], new Map([['f', 'Flöde']]))).toEqual([]);
  });
});
