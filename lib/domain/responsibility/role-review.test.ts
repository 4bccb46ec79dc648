import { describe, expect, it } from 'vitest';
import { orderRoleReview, type RoleReviewFlow } from './role-review';

const flow = (flowId: string, flowName: string, elementIds: string[]): RoleReviewFlow => ({
  flowId,
  flowName,
  elements: elementIds.map((elementId) => ({ elementId, name: `Steg ${elementId}`, kind: 'ACTIVITY', letters: ['R'] })),
});

describe('orderRoleReview', () => {
  it('orders flows by name in Swedish order (å, ä, ö after z, case aside), keeping each flow’s elements in their order', () => {
    const flows = [flow('f1', 'Öppenvård', ['b', 'a']), flow('f2', 'Ärende', ['x']), flow('f3', 'Åtgärd', ['y']), flow('f4', 'Zon', ['z']), flow('f5', 'akut', ['k'])];
    expect(orderRoleReview(flows).map((i) => `${i.flowName}/${i.elementId}`)).toEqual(['akut/k', 'Zon/z', 'Åtgärd/y', 'Ärende/x', 'Öppenvård/b', 'Öppenvård/a']);
  });

  it('breaks a tie between flows of the same name by id, whatever order they came in', () => {
    expect(orderRoleReview([flow('b', 'Samma', ['x']), flow('a', 'Samma', ['x'])]).map((i) => i.flowId)).toEqual(['a', 'b']);
  });

  it('gives each element as an item of its flow', () => {
    const items = orderRoleReview([{ flowId: 'f', flowName: 'Flöde', elements: [{ elementId: 'h', name: 'Remiss', kind: 'HANDOVER', letters: ['A', 'C'] }] }]);
    expect(items).toEqual([{ flowId: 'f', flowName: 'Flöde', elementId: 'h', name: 'Remiss', kind: 'HANDOVER', letters: ['A', 'C'] }]);
  });

  it('answers no items for no flows, and leaves its argument in its order', () => {
    expect(orderRoleReview([])).toEqual([]);
    const flows = [flow('b', 'B', ['x']), flow('a', 'A', ['x'])];
    orderRoleReview(flows);
    expect(flows.map((f) => f.flowId)).toEqual(['b', 'a']);
  });
});
