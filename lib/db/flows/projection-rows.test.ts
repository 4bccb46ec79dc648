import { beforeAll, describe, expect, it } from 'vitest';
import { definitionsOf, recordStateOf } from '@/lib/bpmn/records';
import { applyOps, type RecordState } from '@/lib/domain/records/record-state';
import type { Op } from '@/lib/domain/records/types';
import { demoDefinitions } from '@/lib/domain/responsibility/demo-fixture';
import { projectResponsibility } from '@/lib/domain/responsibility/raci';
import { projectionRowsOf, responsibilityKey, rowChanges, rowsAfterRenames, type ProjectionRows } from './projection-rows';

// A commit that only renames elements updates the responsibility rows from the rows before it
// instead of projecting the whole diagram again: it must give exactly what the full projection gives.

const full = (state: RecordState) => projectionRowsOf(projectResponsibility(definitionsOf(state)));
const tables = ({ activities, handovers, responsibilities }: ProjectionRows) => ({ activities, handovers, responsibilities });
const rename = (id: string, name: string | null): Op[] => [{ op: 'patch', id, fields: { 'a:bpmn:name': name } }];

describe('rowsAfterRenames', () => {
  let state: RecordState;
  let before: ProjectionRows;
  beforeAll(async () => {
    state = recordStateOf(await demoDefinitions());
    before = full(state);
  });

  it('gives the full projection after renaming any element of the demo flow, or clearing its name', () => {
    const named = state.order.filter((id) => typeof state.byId.get(id)!.fields['a:bpmn:name'] === 'string');
    expect(named.length).toBeGreaterThan(30);
    for (const id of named) {
      for (const name of ['Nytt namn på <steget>', null]) {
        const ops = rename(id, name);
        expect(tables(rowsAfterRenames(before, ops)!), `${id} → ${name}`).toEqual(tables(full(applyOps(state, ops))));
      }
    }
  });

  it('renames several elements in one change', () => {
    const ids = [...before.activities.slice(0, 3).map((a) => a.elementId), before.handovers[0]!.elementId];
    const ops = ids.flatMap((id, i) => rename(id, `Namn ${i}`));
    expect(tables(rowsAfterRenames(before, ops)!)).toEqual(tables(full(applyOps(state, ops))));
  });

  it('leaves every other change to the full projection', () => {
    const id = before.activities[0]!.elementId;
    expect(rowsAfterRenames(before, [{ op: 'patch', id, fields: { 'a:bpmn:name': 'x', '@lanes': [] } }])).toBeNull();
    expect(rowsAfterRenames(before, [{ op: 'remove', id }])).toBeNull();
    expect(rowsAfterRenames(before, [{ op: 'put', id, type: 'bpmn:Task', fields: {} }])).toBeNull();
  });
});

describe('rowChanges', () => {
  const key = (r: { id: string }) => r.id;
  it('writes new and changed rows and deletes the rows that are gone', () => {
    const changes = rowChanges([{ id: 'a', v: 1 }, { id: 'b', v: 1 }, { id: 'c', v: 1 }], [{ id: 'a', v: 1 }, { id: 'b', v: 2 }, { id: 'd', v: 1 }], key);
    expect(changes).toEqual({ upsert: [{ id: 'b', v: 2 }, { id: 'd', v: 1 }], remove: ['c'] });
  });

  it('keys responsibility rows by element, role and letter', () => {
    const row = { elementId: 'e', roleId: 'r', letter: 'A' as const };
    expect(responsibilityKey(row)).not.toBe(responsibilityKey({ ...row, letter: 'R' }));
    expect(responsibilityKey(row)).toBe(responsibilityKey({ ...row }));
  });
});
