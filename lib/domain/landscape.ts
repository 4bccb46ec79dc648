// The process landscape (processkarta) of one organisation: management, core and support processes in
// three bands. Pure: the database layer hands in the flows the organisation takes part in and the
// entries it wrote; this merges them (an entry with a flow describes that flow) and resolves which
// core processes each support process serves.

export const BANDS = ['MANAGEMENT', 'CORE', 'SUPPORT'] as const;
export type Band = (typeof BANDS)[number];

export type FlowInLandscape = {
  id: string;
  name: string;
  purpose: string;
  category: Band;
  ownerName: string;
  organisationNames: string[];
  customerTerms: string[];
  legalBases: string[];
};

/** What a process says of itself, as an entry writes it and as the landscape shows it. */
type ProcessDescription = {
  id: string;
  name: string;
  category: Band;
  purpose: string;
  customer: string;
  valueDelivered: string;
  legalBasis: string;
  flowId: string | null;
};

export type EntryInLandscape = ProcessDescription & { processOwner: string; serves: string[] };

export type LandscapeProcess = ProcessDescription & {
  /** id: the flow's id for a flow (described or not), the entry's id for a process without a flow. */
  owner: string;
  /** More than one organisation takes part. */
  shared: boolean;
  organisationNames: string[];
  serves: { id: string; name: string }[];
  /** The organisation's own entry as written (what an admin edits or removes); null for a flow it has not described. */
  entry: EntryInLandscape | null;
};

const orElse = (own: string, fallback: string) => (own.trim() ? own : fallback);

/** A flow as the landscape shows it: what the entry describing it says, else what the flow itself says. */
function flowProcess(f: FlowInLandscape, e: EntryInLandscape | undefined): Omit<LandscapeProcess, 'serves'> {
  return {
    id: f.id,
    name: f.name,
    category: e?.category ?? f.category,
    purpose: orElse(e?.purpose ?? '', f.purpose),
    customer: orElse(e?.customer ?? '', f.customerTerms.join(', ')),
    valueDelivered: e?.valueDelivered ?? '',
    legalBasis: orElse(e?.legalBasis ?? '', f.legalBases.join('; ')),
    owner: orElse(e?.processOwner ?? '', f.ownerName),
    flowId: f.id,
    shared: f.organisationNames.length > 1,
    organisationNames: f.organisationNames,
    entry: e ?? null,
  };
}

/** A process that is only an entry (or describes a flow the organisation no longer takes part in). */
function entryProcess(e: EntryInLandscape): Omit<LandscapeProcess, 'serves'> {
  const { id, name, category, purpose, customer, valueDelivered, legalBasis, processOwner: owner } = e;
  return { id, name, category, purpose, customer, valueDelivered, legalBasis, owner, flowId: null, shared: false, organisationNames: [], entry: e };
}

export function buildLandscape(flows: readonly FlowInLandscape[], entries: readonly EntryInLandscape[]): Record<Band, LandscapeProcess[]> {
  const describing = new Map(entries.filter((e) => e.flowId).map((e) => [e.flowId!, e]));
  const flowIds = new Set(flows.map((f) => f.id));
  const processes = [
    ...flows.map((f) => flowProcess(f, describing.get(f.id))),
    ...entries.filter((e) => !e.flowId || !flowIds.has(e.flowId)).map(entryProcess),
  ];
  const byId = new Map(processes.map((p) => [p.id, p]));
  const bands: Record<Band, LandscapeProcess[]> = { MANAGEMENT: [], CORE: [], SUPPORT: [] };
  for (const p of processes) {
    // Only a support process serves, and only core processes (a support process has no value of its own).
    const servesIds = p.category === 'SUPPORT' ? (p.entry?.serves ?? []) : [];
    const serves = servesIds.flatMap((id) => (byId.get(id)?.category === 'CORE' ? [{ id, name: byId.get(id)!.name }] : []));
    bands[p.category].push({ ...p, serves });
  }
  for (const band of BANDS) bands[band].sort((a, b) => a.name.localeCompare(b.name, 'sv'));
  return bands;
}
