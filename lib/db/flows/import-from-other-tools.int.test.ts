import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/auth/policy';
import { createFlowFromBpmn } from './create-flow-from-bpmn';
import { makeOrganisation, makeUser } from './flow-test-data';
import { getRevisionXml } from './get-revision-xml';

// Files as other modelling tools write them (testdata/other-tools, one case each): each imports, and the
// export (what GET /api/flows/:id/bpmn serves) has every element and shape of the file except exactly
// the ones the import says it dropped.

const DIR = new URL('../../../testdata/other-tools/', import.meta.url);

const ELEMENT_TAGS = ['participant', 'lane', 'task', 'startEvent', 'endEvent', 'exclusiveGateway', 'sequenceFlow', 'messageFlow'];
const SHAPE_TAGS = ['BPMNShape', 'BPMNEdge'];

/** How many start tags of each kind the XML text has, whatever prefix (or default namespace) it uses. */
function countTags(xml: string, tags: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const tag of tags) counts[tag] = [...xml.matchAll(new RegExp(`<(?:[\\w.-]+:)?${tag}[\\s/>]`, 'g'))].length;
  return counts;
}

type Case = {
  file: string;
  /** Elements and shapes the import may drop, by tag; everything else must survive. */
  dropped?: Record<string, number>;
  /** Warning codes with the element ids they name, as the import must report them. */
  reported: Record<string, string[]>;
};

const CASES: Case[] = [
  { file: 'camunda-modeler-clean.bpmn', reported: {} },
  { file: 'bizagi-no-namespace-extension.bpmn', reported: { UNKNOWN_CONTENT: ['Collab_1', 'Task_1', 'Process_1'] } },
  { file: 'aris-prefixed-references.bpmn', reported: {} },
  { file: 'visio-duplicate-ids.bpmn', reported: { DUPLICATE_ID: ['Shape_7_2', 'Task_1_2', 'Flow_1_2'] } },
  {
    file: 'signavio-dangling-flows.bpmn',
    dropped: { sequenceFlow: 2, BPMNEdge: 2 },
    reported: { DROPPED_FLOW: ['sid-f-ghost', 'sid-f-nosource'], DROPPED_SHAPE: ['sid-f-ghost_gui', 'sid-f-nosource_gui'] },
  },
];

describe('importing files from other tools', () => {
  let editor: Actor;

  beforeAll(async () => {
    const org = await makeOrganisation();
    editor = await makeUser({ [org.id]: 'EDITOR' });
  });

  it.each(CASES)('$file imports, exports with the same elements and shapes, and reports what it dropped', async ({ file, dropped = {}, reported }) => {
    const original = readFileSync(new URL(file, DIR), 'utf8');
    const imported = await createFlowFromBpmn(editor, original, { name: file });
    const exported = (await getRevisionXml(editor, imported.id)).xml;

    const expected = countTags(original, [...ELEMENT_TAGS, ...SHAPE_TAGS]);
    for (const [tag, n] of Object.entries(dropped)) expected[tag]! -= n;
    expect(countTags(exported, [...ELEMENT_TAGS, ...SHAPE_TAGS])).toEqual(expected);

    const byCode: Record<string, string[]> = {};
    for (const w of imported.warnings) (byCode[w.code] ??= []).push(w.elementId ?? '?');
    for (const ids of Object.values(byCode)) ids.sort();
    expect(byCode).toEqual(Object.fromEntries(Object.entries(reported).map(([code, ids]) => [code, [...ids].sort()])));
  });

  it('keeps every reference resolved: each shape draws an element of the file and each flow has both ends', async () => {
    for (const { file } of CASES) {
      const imported = await createFlowFromBpmn(editor, readFileSync(new URL(file, DIR), 'utf8'), { name: file });
      const exported = (await getRevisionXml(editor, imported.id)).xml;
      const ids = new Set([...exported.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
      const references = [...exported.matchAll(/\s(?:bpmnElement|sourceRef|targetRef|processRef)="([^"]+)"/g)].map((m) => m[1]);
      expect(references.filter((ref) => !ids.has(ref)), file).toEqual([]);
      expect(exported, file).not.toMatch(/<(?:\w+:)?sequenceFlow(?![^>]*sourceRef)[^>]*>/);
    }
  });
});
