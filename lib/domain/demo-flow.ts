import { buildCollaborationXml, type LaneSpec, type MessageFlowSpec, type NodeSpec, type SequenceFlowSpec } from './build-collaboration';

// The demo flow from DOMAIN.md: discharge from inpatient care under lag (2017:612) om samverkan vid
// utskrivning från sluten hälso- och sjukvård. Layout is by hand (columns, lanes, routes) so that no
// line crosses a shape: every message flow runs straight down through empty cells of its column.

export type OrgRoles = { id: string; name: string; colour: string; roles: Record<string /* role name */, string /* role id */> };
export type DischargeDemoInput = { region: OrgRoles; kommun: OrgRoles };

export const REGION_ROLE_NAMES = ['Avdelningssjuksköterska', 'Läkare', 'Verksamhetschef primärvård', 'Fast vårdkontakt'] as const;
export const KOMMUN_ROLE_NAMES = ['Biståndshandläggare', 'Kommunens sjuksköterska', 'Arbetsterapeut', 'Enhetschef hemtjänst'] as const;

const LAW = 'lag (2017:612) om samverkan vid utskrivning från sluten hälso- och sjukvård';

/** A lane per role name; the role id is looked up case-insensitively and left out when the role is missing. */
function lanes(prefix: string, names: readonly string[], org: OrgRoles): LaneSpec[] {
  const byName = new Map(Object.entries(org.roles).map(([name, id]) => [name.toLocaleLowerCase('sv'), id]));
  return names.map((name, i) => {
    const roleId = byName.get(name.toLocaleLowerCase('sv'));
    return { id: `Lane_${prefix}_${i + 1}`, name, ...(roleId ? { roleId } : {}) };
  });
}

const R = (lane: number) => ({ pool: 'Participant_Region', lane: `Lane_Region_${lane}` });
const K = (lane: number) => ({ pool: 'Participant_Kommun', lane: `Lane_Kommun_${lane}` });

const NODES: NodeSpec[] = [
  { id: 'Start_Inskrivning', type: 'bpmn:StartEvent', name: 'Patienten skrivs in på sjukhus', column: 0, ...R(1) },
  {
    id: 'Task_BedomaBehov', type: 'bpmn:Task', name: 'Bedöma behov av insatser efter utskrivning', column: 1, ...R(2),
    documentation: 'Läkaren bedömer om patienten kommer att behöva insatser från socialtjänsten, den kommunala hälso- och sjukvården eller primärvården efter utskrivningen.',
  },
  {
    id: 'Task_Inskrivningsmeddelande', type: 'bpmn:SendTask', name: 'Skicka inskrivningsmeddelande', column: 2, ...R(1),
    documentation: `Tidsgräns: inom 24 timmar från inskrivningen (eller från den senare bedömningen). Meddelandet går till socialtjänsten, den kommunala hälso- och sjukvården och primärvården och anger beräknad tidpunkt för utskrivning. Grund: ${LAW}.`,
  },
  {
    id: 'Task_UtseFastVardkontakt', type: 'bpmn:Task', name: 'Utse fast vårdkontakt', column: 3, ...R(3),
    documentation: `Verksamhetschefen i primärvården utser en fast vårdkontakt om patienten inte redan har en. Grund: ${LAW}.`,
  },
  { id: 'Task_PlaneraPrimarvard', type: 'bpmn:Task', name: 'Planera insatser från primärvården', column: 4, ...R(4) },
  { id: 'Task_Utskrivningsklar', type: 'bpmn:Task', name: 'Bedöma patienten som utskrivningsklar', column: 5, ...R(2) },
  {
    id: 'Task_MeddelaUtskrivningsklar', type: 'bpmn:SendTask', name: 'Meddela att patienten är utskrivningsklar', column: 6, ...R(1),
    documentation: `Tidsgräns: så snart som möjligt efter bedömningen. Utan lokal överenskommelse betalar kommunen för vårddagar från och med tre kalenderdagar efter meddelandet. Grund: ${LAW}.`,
  },
  { id: 'Gateway_SIP', type: 'bpmn:ExclusiveGateway', name: 'Behövs insatser från både region och kommun?', column: 7, ...R(4) },
  {
    id: 'Task_KallaSIP', type: 'bpmn:SendTask', name: 'Kalla till SIP', column: 8, ...R(4),
    documentation: `Tidsgräns: inom 3 dagar från meddelandet om utskrivningsklar. Mötet om samordnad individuell plan (SIP) har ingen lagstadgad tidsgräns, hålls ofta i hemmet efter utskrivningen och kräver patientens samtycke (kontakt med patienten). Grund: ${LAW}.`,
  },
  { id: 'Gateway_SIPJoin', type: 'bpmn:ExclusiveGateway', column: 9, ...R(4) },
  {
    id: 'Task_InformationFortsattVard', type: 'bpmn:SendTask', name: 'Skicka information för fortsatt vård', column: 10, ...R(1),
    documentation: `Tidsgräns: senast utskrivningsdagen. Läkemedelslista och vårdplan till kommunen och primärvården; patienten får en skriftlig sammanfattning. Grund: ${LAW}.`,
  },
  { id: 'End_Utskriven', type: 'bpmn:EndEvent', name: 'Patienten skrivs ut', column: 11, ...R(1) },

  { id: 'Start_InskrivningsmeddelandeMottaget', type: 'bpmn:StartEvent', name: 'Inskrivningsmeddelande mottaget', message: true, column: 2, ...K(1) },
  {
    id: 'Task_SamtalPatient', type: 'bpmn:Task', name: 'Samtala med patienten om behov', column: 3, ...K(1),
    documentation: 'Biståndshandläggaren talar med patienten (och närstående om patienten vill) om behovet av stöd efter utskrivningen. Kontakt med patienten.',
  },
  { id: 'Task_PlaneraKommun', type: 'bpmn:Task', name: 'Planera kommunens insatser', column: 4, ...K(1) },
  { id: 'Event_UtskrivningsklarMottaget', type: 'bpmn:IntermediateCatchEvent', name: 'Meddelande om utskrivningsklar mottaget', message: true, column: 6, ...K(1) },
  { id: 'Task_DeltaSIP', type: 'bpmn:Task', name: 'Delta i SIP-planering', column: 8, ...K(1), documentation: 'När fast vårdkontakt kallat till SIP. Kontakt med patienten.' },
  { id: 'Task_BeslutaInsatser', type: 'bpmn:Task', name: 'Besluta om insatser', column: 9, ...K(1), documentation: 'Till exempel hemtjänst, korttidsboende eller särskilt boende enligt socialtjänstlagen.' },
  { id: 'Task_TaEmotInformation', type: 'bpmn:ReceiveTask', name: 'Ta emot information för fortsatt vård', column: 10, ...K(2) },
  { id: 'Task_Rehabilitering', type: 'bpmn:Task', name: 'Bedöma behov av hjälpmedel och rehabilitering', column: 11, ...K(3) },
  { id: 'Task_StartaHemtjanst', type: 'bpmn:Task', name: 'Starta hemtjänst och hemsjukvård', column: 12, ...K(4) },
  { id: 'Task_Uppfoljning', type: 'bpmn:Task', name: 'Uppföljningssamtal efter hemkomsten', column: 13, ...K(4), documentation: 'Samtal eller hembesök efter utskrivningen. Kontakt med brukaren.' },
  { id: 'End_HemmaMedStod', type: 'bpmn:EndEvent', name: 'Hemtjänst och hemsjukvård har startat', column: 14, ...K(4) },
];

const SEQUENCE_FLOWS: SequenceFlowSpec[] = [
  { id: 'Flow_R1', from: 'Start_Inskrivning', to: 'Task_BedomaBehov' },
  { id: 'Flow_R2', from: 'Task_BedomaBehov', to: 'Task_Inskrivningsmeddelande' },
  { id: 'Flow_R3', from: 'Task_Inskrivningsmeddelande', to: 'Task_UtseFastVardkontakt', route: 'horizontal-first' },
  { id: 'Flow_R4', from: 'Task_UtseFastVardkontakt', to: 'Task_PlaneraPrimarvard' },
  { id: 'Flow_R5', from: 'Task_PlaneraPrimarvard', to: 'Task_Utskrivningsklar' },
  { id: 'Flow_R6', from: 'Task_Utskrivningsklar', to: 'Task_MeddelaUtskrivningsklar' },
  { id: 'Flow_R7', from: 'Task_MeddelaUtskrivningsklar', to: 'Gateway_SIP', route: 'horizontal-first' },
  { id: 'Flow_R8', from: 'Gateway_SIP', to: 'Task_KallaSIP', name: 'Ja' },
  { id: 'Flow_R9', from: 'Gateway_SIP', to: 'Gateway_SIPJoin', name: 'Nej', route: 'below' },
  { id: 'Flow_R10', from: 'Task_KallaSIP', to: 'Gateway_SIPJoin' },
  { id: 'Flow_R11', from: 'Gateway_SIPJoin', to: 'Task_InformationFortsattVard' },
  { id: 'Flow_R12', from: 'Task_InformationFortsattVard', to: 'End_Utskriven' },
  { id: 'Flow_K1', from: 'Start_InskrivningsmeddelandeMottaget', to: 'Task_SamtalPatient' },
  { id: 'Flow_K2', from: 'Task_SamtalPatient', to: 'Task_PlaneraKommun' },
  { id: 'Flow_K3', from: 'Task_PlaneraKommun', to: 'Event_UtskrivningsklarMottaget' },
  { id: 'Flow_K4', from: 'Event_UtskrivningsklarMottaget', to: 'Task_DeltaSIP' },
  { id: 'Flow_K5', from: 'Task_DeltaSIP', to: 'Task_BeslutaInsatser' },
  { id: 'Flow_K6', from: 'Task_BeslutaInsatser', to: 'Task_TaEmotInformation' },
  { id: 'Flow_K7', from: 'Task_TaEmotInformation', to: 'Task_Rehabilitering' },
  { id: 'Flow_K8', from: 'Task_Rehabilitering', to: 'Task_StartaHemtjanst' },
  { id: 'Flow_K9', from: 'Task_StartaHemtjanst', to: 'Task_Uppfoljning' },
  { id: 'Flow_K10', from: 'Task_Uppfoljning', to: 'End_HemmaMedStod' },
];

const MESSAGE_FLOWS: MessageFlowSpec[] = [
  { id: 'Message_Inskrivningsmeddelande', from: 'Task_Inskrivningsmeddelande', to: 'Start_InskrivningsmeddelandeMottaget', name: 'Inskrivningsmeddelande', documentation: 'Inom 24 timmar.' },
  { id: 'Message_Utskrivningsklar', from: 'Task_MeddelaUtskrivningsklar', to: 'Event_UtskrivningsklarMottaget', name: 'Utskrivningsklar', documentation: 'Så snart som möjligt.' },
  { id: 'Message_KallelseSIP', from: 'Task_KallaSIP', to: 'Task_DeltaSIP', name: 'Kallelse till SIP', documentation: 'Inom 3 dagar.' },
  { id: 'Message_FortsattVard', from: 'Task_InformationFortsattVard', to: 'Task_TaEmotInformation', name: 'Information för fortsatt vård, läkemedelslista', documentation: 'Senast utskrivningsdagen.' },
];

/** "Utskrivning från slutenvård": the region's and the kommun's pools, their roles as lanes, four handovers. */
export async function buildDischargeDemoFlow(input: DischargeDemoInput): Promise<string> {
  return buildCollaborationXml({
    collaborationId: 'Collaboration_Utskrivning',
    name: 'Utskrivning från slutenvård',
    documentation: `Samverkan vid utskrivning från sluten hälso- och sjukvård enligt ${LAW}. Meddelandena går ofta genom ett IT-stöd för samordnad vårdplanering.`,
    pools: [
      { id: 'Participant_Region', processId: 'Process_Region', name: input.region.name, organisationId: input.region.id, colour: input.region.colour, lanes: lanes('Region', REGION_ROLE_NAMES, input.region) },
      { id: 'Participant_Kommun', processId: 'Process_Kommun', name: input.kommun.name, organisationId: input.kommun.id, colour: input.kommun.colour, lanes: lanes('Kommun', KOMMUN_ROLE_NAMES, input.kommun) },
    ],
    nodes: NODES,
    sequenceFlows: SEQUENCE_FLOWS,
    messageFlows: MESSAGE_FLOWS,
  });
}
