import { describe, expect, it } from 'vitest';
import { mergeThreeWay } from './merge';
import { applyOps } from './record-state';
import { twoPools } from './test-states';
import type { Op } from './types';

const base = twoPools();
const rename = (id: string, name: string): Op => ({ op: 'patch', id, fields: { 'a:bpmn:name': name } });
const remove = (...ids: string[]): Op[] => ids.map((id) => ({ op: 'remove', id }));

describe('three-way merge of a whole document', () => {
  it('keeps both sides when they changed different elements or fields', () => {
    const ours = applyOps(base, [rename('Task_K', 'Ours')]);
    const theirs = applyOps(base, [rename('Task_R', 'Theirs'), { op: 'patch', id: 'Task_K', fields: { 'x:vendor:note': 'n' } }]);
    const merged = mergeThreeWay(base, ours, theirs);
    expect(merged).toEqual({ ok: true, ops: [rename('Task_K', 'Ours')] });
    const result = applyOps(theirs, merged.ok ? merged.ops : []);
    expect(result.byId.get('Task_K')!.fields).toMatchObject({ 'a:bpmn:name': 'Ours', 'x:vendor:note': 'n' });
    expect(result.byId.get('Task_R')!.fields['a:bpmn:name']).toBe('Theirs');
  });

  it('sees no conflict when both set the same value', () => {
    expect(mergeThreeWay(base, applyOps(base, [rename('Task_K', 'Same')]), applyOps(base, [rename('Task_K', 'Same')]))).toEqual({ ok: true, ops: [] });
  });

  it('names the element when both changed the same field differently', () => {
    expect(mergeThreeWay(base, applyOps(base, [rename('Task_K', 'A')]), applyOps(base, [rename('Task_K', 'B')]))).toEqual({ ok: false, elementIds: ['Task_K'] });
  });

  it('names the element one side removed and the other changed, either way round', () => {
    const removed = applyOps(base, remove('Task_R', 'Task_R_di', 'Msg'));
    const changed = applyOps(base, [rename('Task_R', 'Changed')]);
    expect(mergeThreeWay(base, changed, removed)).toEqual({ ok: false, elementIds: ['Task_R'] });
    expect(mergeThreeWay(base, removed, changed)).toEqual({ ok: false, elementIds: ['Task_R'] });
  });

  it('removes what neither side changed, and adds what only one side added', () => {
    const ours = applyOps(base, [...remove('Msg'), { op: 'put', id: 'New', type: 'bpmn:Task', fields: { '@parent': 'Proc_K', '@prop': 'bpmn:flowElements' } }]);
    const theirs = applyOps(base, [rename('Task_R', 'x')]);
    const merged = mergeThreeWay(base, ours, theirs);
    expect(merged.ok).toBe(true);
    const result = applyOps(theirs, merged.ok ? merged.ops : []);
    expect(result.byId.has('Msg')).toBe(false);
    expect(result.byId.has('New')).toBe(true);
  });
});
