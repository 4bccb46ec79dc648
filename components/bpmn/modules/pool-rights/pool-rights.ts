// Each organisation edits its own pool: the editor shows other organisations' pools as read-only for
// this user. A rule provider refuses moving, resizing, creating into, connecting, deleting and
// reshaping elements the user may not change; their context pad offers nothing; their labels do not
// open for editing. The server decides for real on every commit; this keeps people from trying.

import RuleProvider from 'diagram-js/lib/features/rules/RuleProvider';
import { ownershipOf, type Owner, type Ownership } from '@/lib/domain/records/ownership';
import type { RecordState } from '@/lib/domain/records/record-state';
import type { EditorRights } from '@/lib/domain/records/rights';

export type { EditorRights };

type DiagramElement = { id: string; type?: string; labelTarget?: DiagramElement; businessObject?: { id?: string }; parent?: DiagramElement; waypoints?: unknown };
type Context = {
  shape?: DiagramElement;
  shapes?: DiagramElement[];
  elements?: DiagramElement[];
  element?: DiagramElement;
  target?: DiagramElement | null;
  source?: DiagramElement | null;
  connection?: DiagramElement;
  hover?: DiagramElement;
};
type EventBus = { on(event: string, priority: number, callback: (e: { element?: DiagramElement }) => unknown): void; on(event: string, callback: () => void): void };
type ContextPad = { registerProvider(priority: number, provider: { getContextPadEntries(element: DiagramElement): (entries: Record<string, unknown>) => Record<string, unknown> }): void };
type LiveSync = { snapshot(): RecordState };

export type PoolRightsService = {
  configure(rights: EditorRights): void;
  /** May the user change this element (by its id)? */
  mayEdit(elementId: string): boolean;
};

const ALL_EDITABLE: EditorRights = { ownerOrganisationId: '', editableOrganisationIds: [], ownerAdmin: true };

export default class PoolRights extends RuleProvider implements PoolRightsService {
  static $inject = ['eventBus', 'contextPad', 'liveSync'];
  private rights: EditorRights | null = null;
  private ownership: Ownership | null = null;

  constructor(eventBus: EventBus, contextPad: ContextPad, private readonly liveSync: LiveSync) {
    super(eventBus as never);
    const forget = () => void (this.ownership = null);
    eventBus.on('commandStack.changed', forget);
    eventBus.on('elements.changed', forget);
    eventBus.on('import.done', forget);
    // A label of someone else's element does not open for typing.
    eventBus.on('element.dblclick', 1500, (e) => (e.element && !this.mayEditElement(e.element) ? false : undefined));
    contextPad.registerProvider(1, {
      getContextPadEntries: (element) => (entries) => (this.mayEditElement(element) ? entries : {}),
    });
  }

  configure(rights: EditorRights): void {
    this.rights = rights;
    this.ownership = null;
  }

  mayEdit(elementId: string): boolean {
    const rights = this.rights ?? ALL_EDITABLE;
    if (!this.rights) return true;
    this.ownership ??= ownershipOf(this.liveSync.snapshot(), rights.ownerOrganisationId);
    return allowed(this.ownership.ownerOf(elementId), rights);
  }

  private mayEditElement(element: DiagramElement | null | undefined): boolean {
    if (!element) return true;
    const target = element.labelTarget ?? element;
    const id = target.businessObject?.id ?? target.id;
    // The canvas root is the collaboration: adding pools there is the owner's admins' business.
    if (!target.parent && target.type !== 'label') return this.rights ? this.rights.ownerAdmin : true;
    return this.mayEdit(id);
  }

  init(): void {
    const each = (list: (DiagramElement | null | undefined)[]) => list.every((e) => !e || this.mayEditElement(e));
    const verdict = (ok: boolean) => (ok ? undefined : false);
    this.addRule(['elements.move'], 2000, (c: Context) => verdict(each([...(c.shapes ?? []), c.target])));
    this.addRule(['shape.resize', 'lane.add', 'lane.split'], 2000, (c: Context) => verdict(each([c.shape])));
    this.addRule(['shape.create', 'elements.create', 'shape.attach'], 2000, (c: Context) => verdict(each([c.target ?? null])));
    this.addRule(['shape.replace', 'element.updateLabel'], 2000, (c: Context) => verdict(each([c.element])));
    this.addRule(['connection.updateWaypoints'], 2000, (c: Context) => verdict(each([c.connection])));
    this.addRule(['connection.create', 'connection.reconnect'], 2000, (c: Context) => {
      if (c.connection && !this.mayEditElement(c.connection)) return false;
      const source = c.source ?? null;
      const target = c.target ?? null;
      // A handover may be drawn from either side; a flow inside a pool only by that pool's organisation.
      return verdict(this.mayEditElement(source) || this.mayEditElement(target));
    });
    this.addRule(['elements.delete'], 2000, (c: Context) => (c.elements ?? []).filter((e) => this.mayEditElement(e)));
    this.addRule(['elements.distribute', 'elements.align'], 2000, (c: Context) => verdict(each(c.elements ?? [])));
  }
}

function allowed(owner: Owner, rights: EditorRights): boolean {
  switch (owner.kind) {
    case 'shared':
      return true;
    case 'flow':
      return rights.ownerAdmin;
    case 'border':
      return owner.organisationIds.some((o) => rights.editableOrganisationIds.includes(o));
    case 'organisation':
      return rights.editableOrganisationIds.includes(owner.organisationId);
  }
}
