// Reorders bpmn-js's own palette so people who are not BPMN specialists see the everyday elements first
// (task, events, exclusive gateway, data object, annotation, group, pool), then the rest after a
// separator. Nothing is removed: every default entry stays reachable, and the replace menu (the wrench
// on a selected element) still offers the whole BPMN set.

type PaletteEntry = {
  group?: string;
  className?: string;
  title?: string;
  separator?: boolean;
  action?: unknown;
};
type PaletteEntries = Record<string, PaletteEntry>;
type Translate = (template: string, replacements?: Record<string, string>) => string;
type Palette = { registerProvider(priority: number, provider: unknown): void };
type Create = { start(event: Event, shape: unknown): void };
type ElementFactory = { createShape(attrs: { type: string }): unknown };

const EVERYDAY = [
  'create.task',
  'create.start-event',
  'create.end-event',
  'create.exclusive-gateway',
  'create.intermediate-event',
  'create.data-object',
  'create.text-annotation',
  'create.group',
  'create.participant-expanded',
];

const TOOLS = ['hand-tool', 'lasso-tool', 'space-tool', 'global-connect-tool'];

// Lower than bpmn-js's default provider (1000), so this one runs after it and sees its entries.
const PRIORITY = 500;

export default function EverydayPaletteProvider(
  this: { getPaletteEntries: () => (entries: PaletteEntries) => PaletteEntries },
  palette: Palette,
  create: Create,
  elementFactory: ElementFactory,
  translate: Translate,
) {
  this.getPaletteEntries = () => (entries) => reorder(withTextAnnotation(entries, create, elementFactory, translate));
  palette.registerProvider(PRIORITY, this);
}

EverydayPaletteProvider.$inject = ['palette', 'create', 'elementFactory', 'translate'];

function withTextAnnotation(
  entries: PaletteEntries,
  create: Create,
  elementFactory: ElementFactory,
  translate: Translate,
): PaletteEntries {
  if (entries['create.text-annotation']) return entries;
  const start = (event: Event) => create.start(event, elementFactory.createShape({ type: 'bpmn:TextAnnotation' }));
  return {
    ...entries,
    'create.text-annotation': {
      group: 'artifact',
      className: 'bpmn-icon-text-annotation',
      title: translate('Create text annotation'),
      action: { dragstart: start, click: start },
    },
  };
}

/** Everyday entries first (one group), a separator, then the other elements, then the tools. */
export function reorder(entries: PaletteEntries): PaletteEntries {
  const result: PaletteEntries = {};
  for (const id of EVERYDAY) {
    const entry = entries[id];
    if (entry) result[id] = { ...entry, group: 'everyday' };
  }
  result['everyday-separator'] = { group: 'everyday', separator: true };
  for (const [id, entry] of Object.entries(entries)) {
    if (EVERYDAY.includes(id) || TOOLS.includes(id) || entry.separator) continue;
    result[id] = { ...entry, group: 'more' };
  }
  result['more-separator'] = { group: 'more', separator: true };
  for (const id of TOOLS) {
    const entry = entries[id];
    if (entry) result[id] = entry;
  }
  return result;
}
