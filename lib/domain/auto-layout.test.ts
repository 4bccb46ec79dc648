import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { childrenOf, is, walkContained } from '@/lib/bpmn/elements';
import { parseBpmn } from '@/lib/bpmn/parse-bpmn';
import { toXml } from '@/lib/bpmn/serialise';
import { addGeneratedDiagram } from './auto-layout';
import { describeCollaboration, describeShapes } from './collaboration';
import { buildDischargeDemoFlow, KOMMUN_ROLE_NAMES, REGION_ROLE_NAMES } from './demo-flow';
import { overlaps } from './layout';

const withoutDi = (xml: string) => xml.replace(/<([\w-]+:)?BPMNDiagram[\s>][\s\S]*<\/([\w-]+:)?BPMNDiagram>/, '');
const roles = (names: readonly string[]): Record<string, string> => Object.fromEntries(names.map((n, i) => [n, `r${i}`]));

async function layOut(xml: string) {
  const parsed = await parseBpmn(withoutDi(xml), 'lenient');
  expect(parsed.warnings.map((w) => w.code)).toContain('NO_DIAGRAM');
  expect(addGeneratedDiagram(parsed.definitions)).toBe(true);
  const again = await parseBpmn(await toXml(parsed.definitions), 'strict');
  expect(again.warnings).toEqual([]);
  return again.definitions;
}

describe('addGeneratedDiagram', () => {
  it('lays out the demo flow without its DI: every pool, lane and node drawn, nodes in their lanes, none overlapping', async () => {
    const xml = await buildDischargeDemoFlow({
      region: { id: 'r', name: 'Regionen', colour: '#1d5fa8', roles: roles(REGION_ROLE_NAMES) },
      kommun: { id: 'k', name: 'Kommunen', colour: '#2e7d4f', roles: roles(KOMMUN_ROLE_NAMES) },
    });
    const definitions = await layOut(xml);
    const shapes = describeShapes(definitions);
    const summary = describeCollaboration(definitions);
    for (const p of summary.participants) expect(shapes[p.id]).toBeDefined();
    for (const l of summary.lanes) expect(shapes[l.id]).toBeDefined();

    const nodes: [string, ReturnType<typeof describeShapes>[string]][] = [];
    walkContained(definitions, (lane) => {
      if (!is(lane, 'bpmn:Lane')) return;
      const laneBox = shapes[lane.id!]!;
      for (const node of childrenOf(lane, 'flowNodeRef')) {
        const box = shapes[node.id!]!;
        expect(box, node.id).toBeDefined();
        expect(box.y > laneBox.y && box.y + box.height < laneBox.y + laneBox.height).toBe(true);
        nodes.push([node.id!, box]);
      }
    });
    expect(nodes).toHaveLength(23);
    nodes.forEach(([a, boxA], i) => nodes.slice(i + 1).forEach(([b, boxB]) => expect(overlaps(boxA, boxB), `${a}/${b}`).toBe(false)));
    const plane = childrenOf(childrenOf(definitions, 'diagrams')[0]!, 'plane');
    expect(plane).toBeDefined();
  });

  it('leaves a file that has a diagram alone', async () => {
    const { definitions } = await parseBpmn(await buildDischargeDemoFlow({
      region: { id: 'r', name: 'R', colour: '#000', roles: {} },
      kommun: { id: 'k', name: 'K', colour: '#000', roles: {} },
    }), 'strict');
    expect(addGeneratedDiagram(definitions)).toBe(false);
  });

  it('lays out every MIWG reference model stripped of its DI', async () => {
    const dir = path.resolve(fileURLToPath(new URL('../..', import.meta.url)), 'testdata/bpmn-miwg-reference');
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.bpmn'))) {
      const definitions = await layOut(fs.readFileSync(path.join(dir, file), 'utf8'));
      const shapes = Object.values(describeShapes(definitions));
      expect(shapes.length, file).toBeGreaterThan(0);
    }
  });
});
