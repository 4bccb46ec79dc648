import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseBpmn } from '@/lib/bpmn/parse-bpmn';
import { demoDefinitions, DEMO_INPUT } from '../responsibility/demo-fixture';
import { nextStep, previousStep, skippedSteps } from './navigation';
import { kindOf, walkthroughOf, type WalkthroughStep } from './walkthrough';

const fixtures = path.resolve(fileURLToPath(new URL('../../..', import.meta.url)), 'testdata/bpmn-miwg-reference');
const miwg = async (file: string) => walkthroughOf((await parseBpmn(fs.readFileSync(path.join(fixtures, file), 'utf8'), 'lenient')).definitions);
const ids = (steps: WalkthroughStep[]) => steps.map((s) => s.elementId);
const at = (steps: WalkthroughStep[], id: string) => steps.findIndex((s) => s.elementId === id);

/** Every way that leaves a step, as it is in the file (sequence flows and message flows by their ends). */
async function edgesOf(file: string): Promise<{ from: string; to: string; kind: 'sequence' | 'message'; id: string }[]> {
  const xml = fs.readFileSync(path.join(fixtures, file), 'utf8');
  const { definitions } = await parseBpmn(xml, 'lenient');
  const out: { from: string; to: string; kind: 'sequence' | 'message'; id: string }[] = [];
  const visit = (el: { $type: string; get(p: string): unknown; id?: string }) => {
    const src = (el.get('sourceRef') as { id?: string } | undefined)?.id;
    const tgt = (el.get('targetRef') as { id?: string } | undefined)?.id;
    if (el.$type === 'bpmn:SequenceFlow' && src && tgt) out.push({ from: src, to: tgt, kind: 'sequence', id: el.id! });
    if (el.$type === 'bpmn:MessageFlow' && src && tgt) out.push({ from: src, to: tgt, kind: 'message', id: el.id! });
    for (const prop of ['rootElements', 'flowElements', 'messageFlows']) {
      const list = el.get(prop);
      if (Array.isArray(list)) list.forEach(visit);
    }
  };
  visit(definitions as never);
  return out;
}

describe('walkthrough of the demo flow', () => {
  it('starts at the admission, passes each handover between its sender and receiver, and ends with both pools done', async () => {
    const steps = walkthroughOf(await demoDefinitions());
    expect(ids(steps)).toEqual([
      'Start_Inskrivning',
      'Task_BedomaBehov',
      'Task_Inskrivningsmeddelande',
      'Message_Inskrivningsmeddelande',
      'Start_InskrivningsmeddelandeMottaget',
      'Task_SamtalPatient',
      'Task_PlaneraKommun',
      'Task_UtseFastVardkontakt',
      'Task_PlaneraPrimarvard',
      'Task_Utskrivningsklar',
      'Task_MeddelaUtskrivningsklar',
      'Message_Utskrivningsklar',
      'Event_UtskrivningsklarMottaget',
      'Gateway_SIP',
      'Task_KallaSIP',
      'Message_KallelseSIP',
      'Task_DeltaSIP',
      'Task_BeslutaInsatser',
      'Gateway_SIPJoin',
      'Task_InformationFortsattVard',
      'Message_FortsattVard',
      'Task_TaEmotInformation',
      'Task_Rehabilitering',
      'Task_StartaHemtjanst',
      'Task_Uppfoljning',
      'End_HemmaMedStod',
      'End_Utskriven',
    ]);
  });

  it('gives each step its kind, organisation and lane role; a handover is a messageFlow step from the sending side', async () => {
    const steps = walkthroughOf(await demoDefinitions());
    const start = steps[0]!;
    expect(start).toMatchObject({ kind: 'startEvent', name: 'Patienten skrivs in på sjukhus', organisationId: DEMO_INPUT.region.id });
    expect(start.laneRoleId).toBe(DEMO_INPUT.region.roles['Avdelningssjuksköterska']);
    const handover = steps[3]!;
    expect(handover).toMatchObject({ kind: 'messageFlow', name: 'Inskrivningsmeddelande', organisationId: DEMO_INPUT.region.id });
    expect(handover.from).toMatchObject({ elementId: 'Task_Inskrivningsmeddelande', organisationId: DEMO_INPUT.region.id });
    expect(handover.to).toMatchObject({ elementId: 'Start_InskrivningsmeddelandeMottaget', organisationId: DEMO_INPUT.kommun.id });
    expect(steps[at(steps, 'Gateway_SIP')]!.kind).toBe('exclusiveGateway');
    expect(steps[at(steps, 'Task_TaEmotInformation')]!.kind).toBe('receiveTask');
  });

  it('offers the SIP gateway’s two ways; choosing “Nej” leaves out the invitation and its handover only', async () => {
    const steps = walkthroughOf(await demoDefinitions());
    const gateway = at(steps, 'Gateway_SIP');
    expect(steps[gateway]!.branches?.map((b) => b.name)).toEqual(['Ja', 'Nej']);
    expect(steps[gateway]!.branches![0]!.exclusive).toEqual([at(steps, 'Task_KallaSIP'), at(steps, 'Message_KallelseSIP')]);
    const no = { Gateway_SIP: 1 };
    expect([...skippedSteps(steps, no)]).toEqual([gateway + 1, gateway + 2]);
    expect(steps[nextStep(steps, gateway, no)]!.elementId).toBe('Task_DeltaSIP');
    expect(previousStep(steps, nextStep(steps, gateway, no), no)).toBe(gateway);
    expect(steps[nextStep(steps, gateway, { Gateway_SIP: 0 })]!.elementId).toBe('Task_KallaSIP');
    expect(steps[nextStep(steps, gateway, { Gateway_SIP: 'all' })]!.elementId).toBe('Task_KallaSIP');
    expect(nextStep(steps, steps.length - 1)).toBe(steps.length - 1);
    expect(previousStep(steps, 0)).toBe(0);
  });
});

describe('walkthrough of the MIWG reference models', () => {
  const files = fs.readdirSync(fixtures).filter((f) => f.endsWith('.bpmn')).sort();

  it.each(files)('%s: every flow node and message flow once, each after the steps leading to it except a loop’s way back', async (file) => {
    const steps = await miwg(file);
    const edges = await edgesOf(file);
    expect(new Set(ids(steps)).size).toBe(steps.length);
    // a → b in the file's own graph (a handover counts as a way from its sender to its receiver).
    const leadsTo = (a: string, b: string) => {
      const seen = new Set([a]);
      const stack = [a];
      while (stack.length > 0) {
        const id = stack.pop()!;
        if (id === b) return true;
        for (const e of edges) if (e.from === id && !seen.has(e.to)) (seen.add(e.to), stack.push(e.to));
      }
      return false;
    };
    for (const edge of edges) {
      const from = at(steps, edge.from);
      const to = at(steps, edge.to);
      if (from < 0 || to < 0) continue; // a pool as one end
      if (edge.kind === 'message') expect(at(steps, edge.id), `${edge.id} after its sender`).toBeGreaterThan(from);
      const after = edge.kind === 'message' ? at(steps, edge.id) : from;
      // Only a way that closes a loop may point back to a step already shown.
      if (to < after) expect(leadsTo(edge.to, edge.from), `${file}: ${edge.id} points back without a loop`).toBe(true);
    }
  });

  it('C.1.0 (two pools, five message flows): the invoice is scanned, handed over, and the engine pool picks it up', async () => {
    const steps = await miwg('C.1.0.bpmn');
    const handovers = steps.filter((s) => s.kind === 'messageFlow');
    expect(handovers).toHaveLength(5);
    const scan = steps.findIndex((s) => s.name === 'Scan Invoice');
    expect(steps[scan + 1]!.kind).toBe('messageFlow');
    expect(steps[scan + 2]!.participantId).not.toBe(steps[scan]!.participantId);
    for (const h of handovers) expect(h.from?.participantId).not.toBe(h.to?.participantId);
  });

  it('C.2.0 (a shopping loop, four pools): the loop back to browsing is not walked again; the checkout sub-process shows its inside next', async () => {
    const steps = await miwg('C.2.0.bpmn');
    const names = steps.map((s) => s.name);
    expect(names.filter((n) => n === 'Browse Products on Amazon')).toHaveLength(1);
    const done = names.indexOf('Done Shopping?');
    expect(steps[done]!.branches).toBeUndefined(); // its other way goes back: a loop, not a branch
    expect(names[done + 1]).toBe('Checkout');
    expect(steps[done + 2]!.kind).toBe('startEvent');
    expect(new Set(steps.map((s) => s.participantId).filter(Boolean)).size).toBe(4);
    const payment = steps[names.indexOf('Payment accepted?')]!;
    expect(payment.branches?.map((b) => b.name)).toEqual(['No', 'Yes']);
    // Each way's own steps follow the gateway, one way whole before the other.
    const [no, yes] = payment.branches!;
    expect(Math.max(...no!.exclusive)).toBeLessThan(Math.min(...yes!.exclusive));
  });

  it('B.2.0 (gateways of every kind, boundary events): a boundary event follows its activity, a gateway’s branches follow it', async () => {
    const steps = await miwg('B.2.0.bpmn');
    const boundaries = steps.filter((s) => s.kind === 'boundaryEvent');
    expect(boundaries.length).toBeGreaterThan(5);
    const kinds = new Set(steps.map((s) => s.kind));
    for (const k of ['exclusiveGateway', 'inclusiveGateway', 'parallelGateway', 'eventBasedGateway', 'subProcess', 'callActivity']) expect(kinds).toContain(k);
    for (const [i, step] of steps.entries()) {
      for (const branch of step.branches ?? []) for (const k of branch.exclusive) expect(k, `${step.name}`).toBeGreaterThan(i);
    }
  });
});

describe('kindOf', () => {
  it('drops the prefix and lower-cases the first letter', () => {
    expect(kindOf('bpmn:ExclusiveGateway')).toBe('exclusiveGateway');
    expect(kindOf('bpmn:Task')).toBe('task');
    expect(kindOf('MessageFlow')).toBe('messageFlow');
  });
});
