import type { HandoverDetails, RaciType, Responsibility, StepDetails } from '@/lib/bpmn/stafett-details';
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

/** RACI by role name (resolved to the organisations' role ids when the flow is built). */
type RoleNames = Partial<Record<RaciType, string[]>>;
type StepFacts = { raci: RoleNames; details?: StepDetails };

const IT_SYSTEM = 'Lifecare SP';

// Who answers for what, per the law and Socialstyrelsen's guidance; regional agreements differ. One gap
// is left on purpose (Planera kommunens insatser has no Accountable), so the checks have a finding to show.
const STEP_FACTS: Record<string, StepFacts> = {
  Task_BedomaBehov: {
    raci: { accountable: ['Läkare'], informed: ['Avdelningssjuksköterska'] },
    details: { touchpoint: false, valueClass: 'value', why: 'Avgör tidigt om patienten behöver stöd efter utskrivningen, så att planeringen kan börja medan patienten är inlagd.', legalBasis: LAW },
  },
  Task_Inskrivningsmeddelande: {
    raci: { accountable: ['Läkare'], informed: ['Biståndshandläggare', 'Kommunens sjuksköterska', 'Fast vårdkontakt'] },
    details: { touchpoint: false, timeLimit: 'Inom 24 timmar från inskrivningen', legalBasis: LAW, itSystem: IT_SYSTEM, valueClass: 'handover', why: 'Kommunen och primärvården får veta i tid att patienten kommer att behöva stöd och när utskrivningen beräknas.' },
  },
  Task_UtseFastVardkontakt: {
    raci: { accountable: ['Verksamhetschef primärvård'], informed: ['Fast vårdkontakt'] },
    details: { touchpoint: false, timeLimit: 'Efter inskrivningsmeddelandet, om patienten saknar fast vårdkontakt', legalBasis: LAW, valueClass: 'handover', why: 'Patienten får en namngiven kontakt som samordnar primärvårdens insatser.' },
  },
  Task_PlaneraPrimarvard: {
    raci: { accountable: ['Verksamhetschef primärvård'], consulted: ['Biståndshandläggare'] },
    details: { touchpoint: false, valueClass: 'value', why: 'Primärvårdens insatser finns på plats när patienten kommer hem.' },
  },
  Task_Utskrivningsklar: {
    raci: { accountable: ['Läkare'], consulted: ['Avdelningssjuksköterska'] },
    details: { touchpoint: true, journeyPhase: 'during', valueClass: 'value', legalBasis: LAW, why: 'Patienten ska inte stanna på sjukhus längre än vården kräver.' },
  },
  Task_MeddelaUtskrivningsklar: {
    raci: { accountable: ['Läkare'], informed: ['Biståndshandläggare', 'Kommunens sjuksköterska', 'Fast vårdkontakt'] },
    details: { touchpoint: false, timeLimit: 'Så snart som möjligt efter bedömningen', legalBasis: LAW, itSystem: IT_SYSTEM, valueClass: 'handover', why: 'Kommunens betalningsansvar räknas från meddelandet: utan lokal överenskommelse från tre kalenderdagar efter det.' },
  },
  Task_KallaSIP: {
    raci: { accountable: ['Verksamhetschef primärvård'], consulted: ['Biståndshandläggare'], informed: ['Kommunens sjuksköterska'] },
    details: { touchpoint: true, journeyPhase: 'during', timeLimit: 'Inom 3 dagar från meddelandet om utskrivningsklar', legalBasis: LAW, itSystem: IT_SYSTEM, valueClass: 'handover', why: 'Patienten och närstående planerar tillsammans med region och kommun i ett och samma möte.' },
  },
  Task_InformationFortsattVard: {
    raci: { accountable: ['Läkare'], informed: ['Kommunens sjuksköterska', 'Fast vårdkontakt'] },
    details: { touchpoint: true, journeyPhase: 'during', timeLimit: 'Senast utskrivningsdagen', legalBasis: LAW, itSystem: IT_SYSTEM, valueClass: 'value', why: 'Hemsjukvården och primärvården kan fortsätta vården utan avbrott; patienten får en skriftlig sammanfattning.' },
  },
  Task_SamtalPatient: {
    raci: { accountable: ['Biståndshandläggare'], consulted: ['Kommunens sjuksköterska'] },
    details: { touchpoint: true, journeyPhase: 'before', valueClass: 'value', why: 'Brukaren berättar själv vad hen behöver, en gång, i stället för att svara på samma frågor flera gånger.' },
  },
  Task_PlaneraKommun: {
    raci: { consulted: ['Arbetsterapeut', 'Kommunens sjuksköterska'] },
    details: { touchpoint: false, valueClass: 'handover', why: 'Stödet är klart att starta den dag brukaren kommer hem.' },
  },
  Task_DeltaSIP: {
    raci: { accountable: ['Biståndshandläggare'], consulted: ['Kommunens sjuksköterska', 'Fast vårdkontakt'] },
    details: { touchpoint: true, journeyPhase: 'during', valueClass: 'value', legalBasis: LAW, why: 'Brukaren och närstående är med och bestämmer om planen; mötet kräver brukarens samtycke.' },
  },
  Task_BeslutaInsatser: {
    raci: { accountable: ['Biståndshandläggare'], informed: ['Enhetschef hemtjänst'] },
    details: { touchpoint: false, legalBasis: 'socialtjänstlagen', valueClass: 'value', why: 'Brukaren får ett beslut om hemtjänst, korttidsboende eller särskilt boende.' },
  },
  Task_TaEmotInformation: {
    raci: { accountable: ['Kommunens sjuksköterska'], informed: ['Enhetschef hemtjänst'] },
    details: { touchpoint: false, timeLimit: 'Senast utskrivningsdagen', itSystem: IT_SYSTEM, valueClass: 'handover', why: 'Hemsjukvården vet vilka läkemedel och vilken vård brukaren har när hen kommer hem.' },
  },
  Task_Rehabilitering: {
    raci: { accountable: ['Arbetsterapeut'], consulted: ['Fysioterapeut'] },
    details: { touchpoint: true, journeyPhase: 'after', valueClass: 'value', why: 'Brukaren klarar vardagen hemma med rätt hjälpmedel.' },
  },
  Task_StartaHemtjanst: {
    raci: { accountable: ['Enhetschef hemtjänst'], consulted: ['Kommunens sjuksköterska'] },
    details: { touchpoint: true, journeyPhase: 'after', timeLimit: 'Samma dag som brukaren kommer hem', valueClass: 'value', why: 'Stödet finns på plats från första dagen hemma.' },
  },
  Task_Uppfoljning: {
    raci: { accountable: ['Biståndshandläggare'], informed: ['Kommunens sjuksköterska'] },
    details: { touchpoint: true, journeyPhase: 'after', timeLimit: 'Inom två veckor efter hemkomsten', valueClass: 'value', why: 'Kommunen ser att stödet fungerar och ändrar det som inte gör det.' },
  },
};

type HandoverFacts = { details: Omit<HandoverDetails, 'fromRoleId' | 'toRoleId'> & { from: string; to: string }; raci: RoleNames };

const HANDOVER_FACTS: Record<string, HandoverFacts> = {
  Message_Inskrivningsmeddelande: {
    details: { what: 'Inskrivningsmeddelande med beräknad tidpunkt för utskrivning', from: 'Avdelningssjuksköterska', to: 'Biståndshandläggare', channel: IT_SYSTEM, timeLimit: 'Inom 24 timmar från inskrivningen', legalBasis: LAW },
    raci: { responsible: ['Avdelningssjuksköterska'], accountable: ['Läkare'] },
  },
  Message_Utskrivningsklar: {
    details: { what: 'Meddelande om att patienten är utskrivningsklar', from: 'Avdelningssjuksköterska', to: 'Biståndshandläggare', channel: IT_SYSTEM, timeLimit: 'Så snart som möjligt efter bedömningen', legalBasis: LAW },
    raci: { responsible: ['Avdelningssjuksköterska'], accountable: ['Läkare'] },
  },
  Message_KallelseSIP: {
    details: { what: 'Kallelse till SIP-planering', from: 'Fast vårdkontakt', to: 'Biståndshandläggare', channel: IT_SYSTEM, timeLimit: 'Inom 3 dagar från meddelandet om utskrivningsklar', legalBasis: LAW },
    raci: { responsible: ['Fast vårdkontakt'], accountable: ['Verksamhetschef primärvård'] },
  },
  Message_FortsattVard: {
    details: { what: 'Läkemedelslista, vårdplan och information för fortsatt vård', from: 'Avdelningssjuksköterska', to: 'Kommunens sjuksköterska', channel: IT_SYSTEM, timeLimit: 'Senast utskrivningsdagen', legalBasis: LAW },
    raci: { responsible: ['Avdelningssjuksköterska'], accountable: ['Läkare'] },
  },
};

type RoleLookup = (name: string) => string | undefined;

function roleLookup(input: DischargeDemoInput): RoleLookup {
  const byName = new Map(
    [...Object.entries(input.region.roles), ...Object.entries(input.kommun.roles)].map(([name, id]) => [name.toLocaleLowerCase('sv'), id]),
  );
  return (name) => byName.get(name.toLocaleLowerCase('sv'));
}

function responsibilities(raci: RoleNames, role: RoleLookup): Responsibility[] {
  return Object.entries(raci).flatMap(([type, names]) =>
    (names ?? []).flatMap((name) => {
      const roleId = role(name);
      return roleId ? [{ roleId, type: type as RaciType }] : [];
    }),
  );
}

function withFacts(nodes: NodeSpec[], role: RoleLookup): NodeSpec[] {
  return nodes.map((n) => {
    const facts = STEP_FACTS[n.id];
    return facts ? { ...n, responsibilities: responsibilities(facts.raci, role), ...(facts.details ? { details: facts.details } : {}) } : n;
  });
}

function withHandoverFacts(flows: MessageFlowSpec[], role: RoleLookup): MessageFlowSpec[] {
  return flows.map((f) => {
    const facts = HANDOVER_FACTS[f.id];
    if (!facts) return f;
    const { from, to, ...details } = facts.details;
    const fromRoleId = role(from);
    const toRoleId = role(to);
    return {
      ...f,
      handover: { ...details, ...(fromRoleId ? { fromRoleId } : {}), ...(toRoleId ? { toRoleId } : {}) },
      responsibilities: responsibilities(facts.raci, role),
    };
  });
}

/** "Utskrivning från slutenvård": the region's and the kommun's pools, their roles as lanes, four handovers. */
export async function buildDischargeDemoFlow(input: DischargeDemoInput): Promise<string> {
  const role = roleLookup(input);
  return buildCollaborationXml({
    collaborationId: 'Collaboration_Utskrivning',
    name: 'Utskrivning från slutenvård',
    documentation: `Samverkan vid utskrivning från sluten hälso- och sjukvård enligt ${LAW}. Meddelandena går ofta genom ett IT-stöd för samordnad vårdplanering.`,
    pools: [
      { id: 'Participant_Region', processId: 'Process_Region', name: input.region.name, organisationId: input.region.id, colour: input.region.colour, lanes: lanes('Region', REGION_ROLE_NAMES, input.region) },
      { id: 'Participant_Kommun', processId: 'Process_Kommun', name: input.kommun.name, organisationId: input.kommun.id, colour: input.kommun.colour, lanes: lanes('Kommun', KOMMUN_ROLE_NAMES, input.kommun) },
    ],
    nodes: withFacts(NODES, role),
    sequenceFlows: SEQUENCE_FLOWS,
    messageFlows: withHandoverFacts(MESSAGE_FLOWS, role),
  });
}
