import { describe, expect, it } from 'vitest';
import type { ModdleElement } from 'bpmn-moddle';
import { childrenOf, refOf, walkContained } from '@/lib/bpmn/elements';
import { parseBpmn } from '@/lib/bpmn/parse-bpmn';
import { describeCollaboration, describeShapes, type Bounds } from './collaboration';
import { buildDischargeDemoFlow, KOMMUN_ROLE_NAMES, REGION_ROLE_NAMES } from './demo-flow';
import { overlaps } from './layout';

const roles = (names: readonly string[], prefix: string): Record<string, string> => Object.fromEntries(names.map((n, i) => [n, `${prefix}-${i}`]));
const input = {
  region: { id: 'org-r', name: 'Regionen', colour: '#1d5fa8', roles: roles(REGION_ROLE_NAMES, 'rr') },
  kommun: { id: 'org-k', name: 'Kommunen', colour: '#2e7d4f', roles: { ...roles(KOMMUN_ROLE_NAMES, 'kr'), Fysioterapeut: 'kr-extra' } as Record<string, string> },
};

async function demo() {
  return parseBpmn(await buildDischargeDemoFlow(input), 'strict');
}

function edges(definitions: ModdleElement): { id: string; points: { x: number; y: number }[]; ends: string[] }[] {
  const plane = refOf(childrenOf(definitions, 'diagrams')[0]!, 'plane')!;
  return childrenOf(plane, 'planeElement')
    .filter((e) => e.$type === 'bpmndi:BPMNEdge')
    .map((e) => {
      const element = refOf(e, 'bpmnElement')!;
      return {
        id: element.id!,
        points: childrenOf(e, 'waypoint').map((p) => ({ x: Number(p.get('x')), y: Number(p.get('y')) })),
        ends: [refOf(element, 'sourceRef')!.id!, refOf(element, 'targetRef')!.id!],
      };
    });
}

function crosses(a: { x: number; y: number }, b: { x: number; y: number }, box: Bounds): boolean {
  const [x1, x2] = [Math.min(a.x, b.x), Math.max(a.x, b.x)];
  const [y1, y2] = [Math.min(a.y, b.y), Math.max(a.y, b.y)];
  return x1 < box.x + box.width && x2 > box.x && y1 < box.y + box.height && y2 > box.y;
}

describe('buildDischargeDemoFlow', () => {
  it('parses strictly without warnings: two pools linked to organisations, every lane linked to a role', async () => {
    const { definitions, warnings } = await demo();
    expect(warnings).toEqual([]);
    const summary = describeCollaboration(definitions);
    expect(summary.participants.map((p) => [p.name, p.organisationId])).toEqual([
      ['Regionen', 'org-r'],
      ['Kommunen', 'org-k'],
    ]);
    expect(summary.lanes.map((l) => l.name)).toEqual([...REGION_ROLE_NAMES, ...KOMMUN_ROLE_NAMES]);
    for (const lane of summary.lanes) expect(lane.roleId).toBe(input.region.roles[lane.name] ?? input.kommun.roles[lane.name]);
  });

  it('hands over by message flows from the region to the kommun', async () => {
    const { definitions } = await demo();
    const summary = describeCollaboration(definitions);
    expect(summary.messageFlows.length).toBeGreaterThanOrEqual(4);
    expect(summary.messageFlows.map((m) => m.name)).toEqual(
      expect.arrayContaining(['Inskrivningsmeddelande', 'Utskrivningsklar', 'Kallelse till SIP']),
    );
    expect(summary.elementCounts['bpmn:ExclusiveGateway']).toBe(2);
    expect(summary.elementCounts['bpmn:EndEvent']).toBe(2);
  });

  it('documents the time limits and the legal basis', async () => {
    const xml = await buildDischargeDemoFlow(input);
    for (const text of ['inom 24 timmar', 'så snart som möjligt', 'inom 3 dagar', 'senast utskrivningsdagen', 'lag (2017:612)']) {
      expect(xml.toLowerCase()).toContain(text.toLowerCase());
    }
  });

  it('draws every flow node inside its own lane, with no shapes overlapping and no line through a shape', async () => {
    const { definitions } = await demo();
    const shapes = describeShapes(definitions);
    const summary = describeCollaboration(definitions);
    const laneIds = new Set(summary.lanes.map((l) => l.id));
    const poolIds = new Set(summary.participants.map((p) => p.id));
    const nodes = Object.entries(shapes).filter(([id]) => !laneIds.has(id) && !poolIds.has(id));
    expect(nodes.length).toBe(23);
    nodes.forEach(([a, boxA], i) => nodes.slice(i + 1).forEach(([b, boxB]) => expect(overlaps(boxA, boxB), `${a} overlaps ${b}`).toBe(false)));

    walkContained(definitions, (lane) => {
      if (lane.$type !== 'bpmn:Lane') return;
      const laneBox = shapes[lane.id!]!;
      for (const node of childrenOf(lane, 'flowNodeRef')) {
        const box = shapes[node.id!]!;
        expect(box.y > laneBox.y && box.y + box.height < laneBox.y + laneBox.height, `${node.id} in ${lane.id}`).toBe(true);
      }
    });

    for (const edge of edges(definitions)) {
      for (const [id, box] of nodes) {
        if (edge.ends.includes(id)) continue;
        edge.points.slice(1).forEach((p, i) => expect(crosses(edge.points[i]!, p, box), `${edge.id} crosses ${id}`).toBe(false));
      }
    }
  });

  it('leaves a lane without roleId when the organisation lacks that role', async () => {
    const { definitions } = await parseBpmn(await buildDischargeDemoFlow({ ...input, kommun: { ...input.kommun, roles: {} } }), 'strict');
    const kommunLanes = describeCollaboration(definitions).lanes.filter((l) => l.participantId === 'Participant_Kommun');
    expect(kommunLanes.map((l) => l.roleId)).toEqual([undefined, undefined, undefined, undefined]);
  });
});
