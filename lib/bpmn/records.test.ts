import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { describeCollaboration, describeShapes, listElementIds } from '@/lib/domain/collaboration';
import { buildDischargeDemoFlow, KOMMUN_ROLE_NAMES, REGION_ROLE_NAMES } from '@/lib/domain/demo-flow';
import { applyOps, diffStates, recordsOf } from '@/lib/domain/records/record-state';
import { parseBpmn } from './parse-bpmn';
import { definitionsOf, recordStateOf, xmlOfState } from './records';
import { toXml } from './serialise';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const fixtures = path.resolve(repoRoot, 'testdata/bpmn-miwg-reference');
const files = fs.readdirSync(fixtures).filter((f) => f.endsWith('.bpmn')).sort();

describe('element records', () => {
  it.each(files)('%s: XML → records → XML keeps every element, shape, lane and flow', async (file) => {
    const { definitions } = await parseBpmn(fs.readFileSync(path.join(fixtures, file), 'utf8'), 'lenient');
    // What Stafett stores is moddle's normal form of the file (namespace declarations as its writer
    // puts them); records start from that.
    const { definitions: reference } = await parseBpmn(await toXml(definitions), 'strict');
    const state = recordStateOf(reference);
    const { definitions: again } = await parseBpmn(await xmlOfState(state), 'strict');
    // An element without an id that holds elements with ids gets one made from where it sits ("…__plane").
    const unnamed = (ids: Record<string, string[]>) => JSON.parse(JSON.stringify(ids).replace(/"[^"]*__[a-zA-Z]+\d*"/g, '""'));
    expect(unnamed(listElementIds(again))).toEqual(listElementIds(reference));
    expect(describeShapes(again)).toEqual(describeShapes(reference));
    const before = describeCollaboration(reference);
    const after = describeCollaboration(again);
    expect(after).toEqual(before);
    // Records of the rebuilt document are the records we started from: nothing drifts per round trip.
    // (moddle's writer names default-namespace vendor elements ns0, ns1 … afresh each time.)
    const normal = (records: unknown) => JSON.stringify(records).replace(/"ns\d+:/g, '"ns:');
    expect(normal(recordsOf(recordStateOf(again)))).toEqual(normal(recordsOf(state)));
  });

  it('a change to one element is one patch of that element, and applying it gives the new state', async () => {
    const { definitions } = await parseBpmn(fs.readFileSync(path.join(fixtures, 'A.2.0.bpmn'), 'utf8'), 'lenient');
    const before = recordStateOf(definitions);
    const copy = definitionsOf(before);
    const task = (copy.rootElements as { flowElements?: { $type: string; name?: string; set(k: string, v: unknown): void }[] }[])
      .flatMap((r) => r.flowElements ?? [])
      .find((e) => e.$type === 'bpmn:Task')!;
    task.set('name', 'Nytt namn');
    const after = recordStateOf(copy);
    const ops = diffStates(before, after);
    expect(ops).toEqual([{ op: 'patch', id: (task as unknown as { id: string }).id, fields: { 'a:bpmn:name': 'Nytt namn' } }]);
    expect(recordsOf(applyOps(before, ops))).toEqual(recordsOf(after));
  });

  it('the demo flow keeps its pools, lanes and handovers', async () => {
    const roles = (names: readonly string[], prefix: string) => Object.fromEntries(names.map((n, i) => [n, `${prefix}-${i}`]));
    const xml = await buildDischargeDemoFlow({
      region: { id: 'org-r', name: 'Regionen', colour: '#1d5fa8', roles: roles(REGION_ROLE_NAMES, 'rr') },
      kommun: { id: 'org-k', name: 'Kommunen', colour: '#2e7d4f', roles: roles(KOMMUN_ROLE_NAMES, 'kr') },
    });
    const { definitions } = await parseBpmn(xml, 'strict');
    const state = recordStateOf(definitions);
    const { definitions: again } = await parseBpmn(await xmlOfState(state), 'strict');
    expect(describeCollaboration(again)).toEqual(describeCollaboration(definitions));
  });
});
