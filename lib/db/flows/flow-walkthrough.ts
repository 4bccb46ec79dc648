import type { ModdleElement } from 'bpmn-moddle';
import { readFlowModel } from '@/lib/domain/responsibility/flow-model';
import { projectResponsibility } from '@/lib/domain/responsibility/raci';
import { stepCards, type StepCard } from '@/lib/domain/walkthrough/step-cards';
import { walkthroughOfModel, type WalkthroughStep } from '@/lib/domain/walkthrough/walkthrough';
import { db } from '../client';
import type { FlowDetail } from './get-flow';
import { findRevision, readStoredBpmn } from './get-revision-xml';

export type FlowWalkthrough = {
  version: number;
  xml: string;
  steps: WalkthroughStep[];
  cards: StepCard[];
  /** Activities where the customer is contacted or takes part. */
  touchpoints: string[];
  /** Lane id → its name, for steps without a name of their own. */
  laneNames: Record<string, string>;
};

type FlowRef = Pick<FlowDetail, 'id' | 'name' | 'headVersion' | 'organisations'>;

/** The walkthrough order of one version (the head when omitted). The caller has cleared the flow with policy. */
export async function loadWalkthroughSteps(flow: FlowRef, version?: number): Promise<{ version: number; steps: WalkthroughStep[] }> {
  const revision = await findRevision(flow, version);
  return { version: revision.version, steps: walkthroughOfModel(readFlowModel(await readStoredBpmn(revision.xml))) };
}

/** Everything present mode shows of one version: the diagram, the steps in order, and each step's card. */
export async function loadFlowWalkthrough(flow: FlowRef, version?: number): Promise<FlowWalkthrough> {
  const [revision, roles] = await Promise.all([
    findRevision(flow, version),
    db.role.findMany({ where: { organisationId: { in: flow.organisations.map((o) => o.id) } }, select: { id: true, name: true } }),
  ]);
  const definitions = await readStoredBpmn(revision.xml);
  const model = readFlowModel(definitions);
  const steps = walkthroughOfModel(model);
  const elements = new Map<string, ModdleElement>([...model.nodes].map(([id, place]) => [id, place.element]));
  for (const flowElement of model.messageFlows) if (flowElement.id) elements.set(flowElement.id, flowElement);
  const projection = projectResponsibility(definitions);
  return {
    version: revision.version,
    xml: revision.xml,
    steps,
    cards: stepCards(steps, elements, projection, new Map(roles.map((r) => [r.id, r.name]))),
    touchpoints: projection.activities.filter((a) => a.details.touchpoint).map((a) => a.elementId),
    laneNames: Object.fromEntries(model.lanes.map((l) => [l.id, l.name])),
  };
}
