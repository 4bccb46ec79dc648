import { buildCollaborationXml, type MessageFlowSpec, type NodeSpec, type NodeType, type PoolSpec, type SequenceFlowSpec } from './build-collaboration';

// A large, deterministic two-pool flow for `npm run bench`: about `elements` flow nodes, sequence flows
// and message flows, with full DI. One node per column per pool keeps every line clear of shapes.

const LANES_PER_POOL = 3;
const MESSAGE_EVERY = 4;

export type LargeFlowInput = { elements: number };

function nodeType(index: number, last: number): NodeType {
  if (index === 0) return 'bpmn:StartEvent';
  if (index === last) return 'bpmn:EndEvent';
  if (index % 6 === 0) return 'bpmn:ExclusiveGateway';
  if (index % 7 === 0) return 'bpmn:IntermediateThrowEvent';
  return 'bpmn:Task';
}

/** Nodes per pool so that 2 pools × (nodes + flows) + message flows ≈ elements. */
export function nodesPerPool(elements: number): number {
  return Math.max(2, Math.round((elements + 2) / (4 + 1 / MESSAGE_EVERY)));
}

export async function buildLargeFlow(input: LargeFlowInput): Promise<string> {
  const n = nodesPerPool(input.elements);
  const pools: PoolSpec[] = ['A', 'B'].map((p, i) => ({
    id: `Participant_${p}`,
    processId: `Process_${p}`,
    name: i === 0 ? 'Region (stor)' : 'Kommun (stor)',
    colour: i === 0 ? '#1d5fa8' : '#2e7d4f',
    lanes: Array.from({ length: LANES_PER_POOL }, (_, j) => ({ id: `Lane_${p}_${j + 1}`, name: `Roll ${p}${j + 1}` })),
  }));
  const nodes: NodeSpec[] = [];
  const sequenceFlows: SequenceFlowSpec[] = [];
  for (const p of ['A', 'B']) {
    for (let c = 0; c < n; c++) {
      const type = nodeType(c, n - 1);
      nodes.push({
        id: `${p}_${c}`,
        type,
        name: type === 'bpmn:ExclusiveGateway' ? `Beslut ${p}${c}?` : `Steg ${p}${c}`,
        pool: `Participant_${p}`,
        lane: `Lane_${p}_${(c % LANES_PER_POOL) + 1}`,
        column: c,
      });
      if (c > 0) sequenceFlows.push({ id: `Flow_${p}_${c}`, from: `${p}_${c - 1}`, to: `${p}_${c}` });
    }
  }
  const messageFlows: MessageFlowSpec[] = [];
  for (let c = 2; c < n - 1; c += MESSAGE_EVERY) {
    messageFlows.push({ id: `Message_${c}`, from: `A_${c}`, to: `B_${c}`, name: `Överlämning ${c}` });
  }
  return buildCollaborationXml({ collaborationId: 'Collaboration_Large', name: `Stort flöde (${input.elements})`, pools, nodes, sequenceFlows, messageFlows });
}
