import { describe, expect, it } from 'vitest';
import { parseBpmn } from '@/lib/bpmn/parse-bpmn';
import { contrastRatio } from './colour';
import { describeCollaboration, describeShapes } from './collaboration';
import { overlaps } from './layout';
import { buildStartingCollaboration } from './starting-collaboration';

const input = {
  flowName: 'Trygg hemgång',
  ownerOrganisationId: 'org-region',
  organisations: [
    { id: 'org-kommun', name: 'Kommunen', colour: '#0f766e', roles: [{ id: 'r-bist', name: 'Biståndshandläggare' }, { id: 'r-ssk', name: 'Kommunens sjuksköterska' }] },
    { id: 'org-region', name: 'Regionen', colour: '#fde047', roles: [{ id: 'r-avd', name: 'Avdelningssjuksköterska' }] },
    { id: 'org-skola', name: 'Skolan <&>', colour: '#7c3aed', roles: [] },
  ],
};

describe('buildStartingCollaboration', () => {
  it('draws a pool per organisation, the owner first, a lane per role, linked to organisations and roles', async () => {
    const { definitions, warnings } = await parseBpmn(await buildStartingCollaboration(input), 'strict');
    expect(warnings).toEqual([]);
    const summary = describeCollaboration(definitions);
    expect(summary.participants.map((p) => [p.name, p.organisationId])).toEqual([
      ['Regionen', 'org-region'],
      ['Kommunen', 'org-kommun'],
      ['Skolan <&>', 'org-skola'],
    ]);
    expect(summary.lanes.map((l) => [l.name, l.roleId, l.participantId])).toEqual([
      ['Avdelningssjuksköterska', 'r-avd', 'Participant_1'],
      ['Biståndshandläggare', 'r-bist', 'Participant_2'],
      ['Kommunens sjuksköterska', 'r-ssk', 'Participant_2'],
    ]);
    expect(summary.elementCounts['bpmn:Process']).toBe(3);
    expect(summary.elementCounts['bpmn:StartEvent']).toBe(1);
    expect(summary.hasDiagram).toBe(true);
  });

  it('puts the start event inside the owner\'s first lane, and gives every element a shape', async () => {
    const { definitions } = await parseBpmn(await buildStartingCollaboration(input), 'strict');
    const shapes = describeShapes(definitions);
    expect(Object.keys(shapes).sort()).toEqual(
      ['Participant_1', 'Participant_2', 'Participant_3', 'Lane_1_1', 'Lane_2_1', 'Lane_2_2', 'StartEvent_1'].sort(),
    );
    const lane = shapes.Lane_1_1!;
    const start = shapes.StartEvent_1!;
    expect(start.x).toBeGreaterThan(lane.x + 30);
    expect(start.y).toBeGreaterThan(lane.y);
    expect(start.y + start.height).toBeLessThan(lane.y + lane.height);
    expect(shapes.Participant_1!.width).toBeGreaterThanOrEqual(1000);
    expect(lane.height).toBe(150);
    expect(overlaps(shapes.Participant_1!, shapes.Participant_2!)).toBe(false);
    expect(overlaps(shapes.Participant_2!, shapes.Participant_3!)).toBe(false);
    expect(shapes.Participant_3!.height).toBe(150);
  });

  it('colours each pool with a light fill and a readable stroke, in both colour vocabularies', async () => {
    const xml = await buildStartingCollaboration(input);
    const pool = /<bpmndi:BPMNShape id="Participant_1_di"[^>]*>/.exec(xml)?.[0] ?? '';
    const fill = /bioc:fill="([^"]+)"/.exec(pool)?.[1];
    const stroke = /bioc:stroke="([^"]+)"/.exec(pool)?.[1];
    expect(fill && stroke && contrastRatio(fill, stroke)).toBeGreaterThanOrEqual(4.5);
    expect(pool).toContain(`color:background-color="${fill}"`);
    expect(pool).toContain(`color:border-color="${stroke}"`);
    expect(xml).toContain('name="Skolan &#60;&#38;&#62;"');
    expect(xml).not.toContain('Skolan <');
  });

  it('refuses an owner that is not among the organisations', async () => {
    await expect(buildStartingCollaboration({ ...input, ownerOrganisationId: 'elsewhere' })).rejects.toThrow(/owner/);
  });
});
