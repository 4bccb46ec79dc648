import type { BpmnWarning } from './warnings';

// Some tools (Visio, hand-merged files) write the same id twice. Our reader then skips the second
// element with everything inside it: a lane with its child lanes, a task, a flow. Only the id is
// broken, so a lenient import renames the later copies before reading and keeps them. References by
// id cannot say which copy they meant and keep meaning the first; a diagram shape is paired with the
// copy of the same rank (the second shape that draws "X" draws the second "X"), the order in which
// the exporting tool wrote them.

// Comments, CDATA and processing instructions are matched whole, so an id="…" quoted in them stays text.
const MARKUP = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<[A-Za-z_][^\s/>]*(?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*\s*\/?>/g;
const ATTRIBUTE = /(\s)([^\s=/>]+)(\s*=\s*)(?:"([^"]*)"|'([^']*)')/g;

// Only elements of these namespaces have ids the reader registers (and trips over); a vendor element
// with an id="…" of its own (ADONIS' <adonis:target id="…">) is opaque to it and left alone.
const IDENTIFIED_NAMESPACES = new Set([
  'http://www.omg.org/spec/BPMN/20100524/MODEL',
  'http://www.omg.org/spec/BPMN/20100524/DI',
  'http://www.omg.org/spec/DD/20100524/DI',
  'http://www.omg.org/spec/DD/20100524/DC',
]);

type Attribute = { name: string; value: string };

function attributesOf(markup: string): Attribute[] {
  return [...markup.matchAll(ATTRIBUTE)].map((m) => ({ name: m[2]!, value: m[4] ?? m[5] ?? '' }));
}

/** Prefix → namespace as the root element declares them ('' is the default namespace). */
function rootNamespaces(xml: string): Map<string, string> {
  const root = [...xml.matchAll(MARKUP)].find(([markup]) => isStartTag(markup))?.[0] ?? '';
  return namespacesDeclaredIn(attributesOf(root), new Map());
}

function namespacesDeclaredIn(attributes: Attribute[], inherited: Map<string, string>): Map<string, string> {
  const declared = new Map(inherited);
  for (const { name, value } of attributes) {
    if (name === 'xmlns') declared.set('', value);
    else if (name.startsWith('xmlns:')) declared.set(name.slice('xmlns:'.length), value);
  }
  return declared;
}

/** Whether the reader registers this tag's id: its namespace (by prefix, or its own xmlns) is BPMN's. */
function hasRegisteredId(markup: string, attributes: Attribute[], namespaces: Map<string, string>): boolean {
  const name = /^<([^\s/>]+)/.exec(markup)?.[1] ?? '';
  const prefix = name.includes(':') ? name.slice(0, name.indexOf(':')) : '';
  const own = attributes.some((a) => a.name === 'xmlns' || a.name.startsWith('xmlns:')) ? namespacesDeclaredIn(attributes, namespaces) : namespaces;
  return IDENTIFIED_NAMESPACES.has(own.get(prefix) ?? '');
}

function isStartTag(markup: string): boolean {
  return !markup.startsWith('<!') && !markup.startsWith('<?');
}

function isDiReference(name: string): boolean {
  return name === 'bpmnElement' || name.endsWith(':bpmnElement');
}

/** The id a QName reference names, without its prefix ("bpmn2:Task_1" → "Task_1"). */
function localId(value: string): string {
  return value.slice(value.indexOf(':') + 1);
}

function countIds(xml: string, namespaces: Map<string, string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const [markup] of xml.matchAll(MARKUP)) {
    if (!isStartTag(markup)) continue;
    const attributes = attributesOf(markup);
    const id = attributes.find((a) => a.name === 'id')?.value;
    if (id === undefined || !hasRegisteredId(markup, attributes, namespaces)) continue;
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

/** New ids for the 2nd, 3rd … copy of every duplicated id: "X_2", "X_3", never one already in use. */
function namesForCopies(counts: Map<string, number>): Map<string, string[]> {
  const taken = new Set(counts.keys());
  const names = new Map<string, string[]>();
  for (const [id, count] of counts) {
    if (count < 2 || id === '') continue;
    const copies: string[] = [];
    for (let rank = 2; rank <= count; rank++) {
      let candidate = `${id}_${rank}`;
      for (let n = 2; taken.has(candidate); n++) candidate = `${id}_${rank}_${n}`;
      taken.add(candidate);
      copies.push(candidate);
    }
    names.set(id, copies);
  }
  return names;
}

export function renameDuplicateIds(xml: string): { text: string; warnings: BpmnWarning[] } {
  const namespaces = rootNamespaces(xml);
  const copies = namesForCopies(countIds(xml, namespaces));
  if (copies.size === 0) return { text: xml, warnings: [] };

  const idRank = new Map<string, number>();
  const diRank = new Map<string, number>();
  const nextRank = (ranks: Map<string, number>, id: string) => {
    const rank = (ranks.get(id) ?? 0) + 1;
    ranks.set(id, rank);
    return rank;
  };
  const text = xml.replace(MARKUP, (markup) => {
    if (!isStartTag(markup)) return markup;
    const registered = hasRegisteredId(markup, attributesOf(markup), namespaces);
    return markup.replace(ATTRIBUTE, (whole, space: string, name: string, equals: string, double?: string, single?: string) => {
      const value = double ?? single ?? '';
      const id = name === 'id' && registered ? value : isDiReference(name) ? localId(value) : undefined;
      const names = id === undefined ? undefined : copies.get(id);
      if (!names) return whole;
      const renamed = names[nextRank(name === 'id' ? idRank : diRank, id!) - 2];
      if (!renamed) return whole; // the first copy, or a shape more than there are copies
      const quote = double !== undefined ? '"' : "'";
      return `${space}${name}${equals}${quote}${renamed}${quote}`;
    });
  });
  const warnings: BpmnWarning[] = [...copies].flatMap(([id, names]) =>
    names.map((renamed) => ({
      code: 'DUPLICATE_ID' as const,
      elementId: renamed,
      message: `The id "${id}" was used more than once: a later element with it was kept as "${renamed}". References to "${id}" mean the first.`,
    })),
  );
  return { text, warnings };
}
