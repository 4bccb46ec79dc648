import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { walkContained } from '@/lib/bpmn/elements';
import { parseBpmn } from '@/lib/bpmn/parse-bpmn';
import { demoDefinitions, role } from './demo-fixture';
import { projectResponsibility } from './raci';
import { customerLens } from './customer-lens';

describe('projectResponsibility on the demo flow', () => {
  it('lists the activities in flow order: along the flows, ties left to right, across both pools', async () => {
    const { activities } = projectResponsibility(await demoDefinitions());
    expect(activities.map((a) => a.elementId)).toEqual([
      'Task_BedomaBehov',
      'Task_Inskrivningsmeddelande',
      'Task_UtseFastVardkontakt',
      'Task_SamtalPatient',
      'Task_PlaneraPrimarvard',
      'Task_PlaneraKommun',
      'Task_Utskrivningsklar',
      'Task_MeddelaUtskrivningsklar',
      'Task_KallaSIP',
      'Task_DeltaSIP',
      'Task_BeslutaInsatser',
      'Task_InformationFortsattVard',
      'Task_TaEmotInformation',
      'Task_Rehabilitering',
      'Task_StartaHemtjanst',
      'Task_Uppfoljning',
    ]);
  });

  it("makes the lane's role Responsible when no responsible is named, and reads A, C and I", async () => {
    const { activities } = projectResponsibility(await demoDefinitions());
    const send = activities.find((a) => a.elementId === 'Task_Inskrivningsmeddelande')!;
    expect(send).toMatchObject({
      organisationId: 'org-r',
      laneRoleId: role('region', 'Avdelningssjuksköterska'),
      responsibleFromLane: true,
      R: [role('region', 'Avdelningssjuksköterska')],
      A: [role('region', 'Läkare')],
      C: [],
      I: [role('kommun', 'Biståndshandläggare'), role('kommun', 'Kommunens sjuksköterska'), role('region', 'Fast vårdkontakt')],
    });
    expect(send.details).toMatchObject({ timeLimit: 'Inom 24 timmar från inskrivningen', itSystem: 'Lifecare SP', valueClass: 'handover', touchpoint: false });
    expect(send.details.legalBasis).toContain('lag (2017:612)');
  });

  it('lists each handover with both ends, what passes and its time limit, in the order of its sender', async () => {
    const { handovers } = projectResponsibility(await demoDefinitions());
    expect(handovers.map((h) => h.elementId)).toEqual(['Message_Inskrivningsmeddelande', 'Message_Utskrivningsklar', 'Message_KallelseSIP', 'Message_FortsattVard']);
    expect(handovers[0]).toMatchObject({
      from: { organisationId: 'org-r', roleId: role('region', 'Avdelningssjuksköterska'), elementId: 'Task_Inskrivningsmeddelande' },
      to: { organisationId: 'org-k', roleId: role('kommun', 'Biståndshandläggare'), elementId: 'Start_InskrivningsmeddelandeMottaget' },
      hasReceiver: true,
      details: { what: 'Inskrivningsmeddelande med beräknad tidpunkt för utskrivning', timeLimit: 'Inom 24 timmar från inskrivningen', channel: 'Lifecare SP' },
      R: [role('region', 'Avdelningssjuksköterska')],
      A: [role('region', 'Läkare')],
    });
  });

  it('counts touchpoints per journey phase and organisation, and steps by value class', async () => {
    const lens = customerLens(projectResponsibility(await demoDefinitions()));
    expect(lens.touchpoints).toBe(8);
    expect(lens.byPhase).toEqual({ before: 1, during: 4, after: 3, unspecified: 0 });
    expect(lens.byOrganisation).toEqual(
      expect.arrayContaining([
        { organisationId: 'org-k', touchpoints: 5, byPhase: { before: 1, during: 1, after: 3, unspecified: 0 } },
        { organisationId: 'org-r', touchpoints: 3, byPhase: { before: 0, during: 3, after: 0, unspecified: 0 } },
      ]),
    );
    expect(lens.byValueClass).toEqual({ value: 10, handover: 6, waste: 0, unclassified: 0 });
  });
});

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const fixtures = path.resolve(repoRoot, 'testdata/bpmn-miwg-reference');
const files = fs.readdirSync(fixtures).filter((f) => f.endsWith('.bpmn')).sort();

describe('projectResponsibility on the MIWG reference models', () => {
  it.each(files)('%s: every activity once, in a flow order that never puts a node before its only predecessor', async (file) => {
    const { definitions } = await parseBpmn(fs.readFileSync(path.join(fixtures, file), 'utf8'), 'lenient');
    const activityIds: string[] = [];
    walkContained(definitions, (e) => {
      if (e.$instanceOf('bpmn:Activity') && e.id && !activityIds.includes(e.id)) activityIds.push(e.id);
    });
    const { activities, handovers } = projectResponsibility(definitions);
    expect(activities.map((a) => a.elementId).sort()).toEqual(activityIds.sort());
    // Foreign files carry no stafett data: nobody is named, so R and A are empty unless a lane has a role.
    for (const a of activities) expect(a.A).toEqual([]);
    const position = new Map(activities.map((a, i) => [a.elementId, i]));
    walkContained(definitions, (flow) => {
      if (!flow.$instanceOf('bpmn:SequenceFlow')) return;
      const source = (flow.get('sourceRef') as { id?: string } | undefined)?.id;
      const target = flow.get('targetRef') as { id?: string; get(p: string): unknown } | undefined;
      const incoming = (target?.get('incoming') as unknown[] | undefined)?.length ?? 0;
      if (!source || !target?.id || incoming !== 1 || !position.has(source) || !position.has(target.id)) return;
      if (source === target.id) return;
      expect(position.get(source)!, `${source} before ${target.id}`).toBeLessThan(position.get(target.id)!);
    });
    expect(handovers.length).toBe(walkCount(definitions, 'bpmn:MessageFlow'));
  });
});

function walkCount(definitions: Parameters<typeof walkContained>[0], type: string): number {
  let n = 0;
  walkContained(definitions, (e) => {
    if (e.$instanceOf(type)) n++;
  });
  return n;
}
