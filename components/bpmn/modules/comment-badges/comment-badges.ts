// A speech-bubble badge with the number of open comment threads on each element (bpmn-js overlays,
// which follow zoom and scroll). The list to draw comes from outside (the comments panel, present
// mode) as {elementId, count}; it is redrawn after every import and change, so a live re-import or a
// remote edit never loses the badges. A visual cue only: the comments list says the same in words.

export type CommentBadge = { elementId: string; count: number };

type Overlays = {
  add(elementId: string, type: string, overlay: { position: Record<string, number>; html: HTMLElement }): string;
  remove(filter: { type: string }): void;
};
type ElementRegistry = { get(id: string): { waypoints?: unknown } | undefined };
type EventBus = { on(event: string | string[], priority: number, callback: () => void): void };

export type CommentBadgesService = {
  /** Shows these badges (replacing the previous ones); `label` gives each its tooltip, e.g. "2 öppna kommentarer". */
  show(badges: readonly CommentBadge[], label?: (count: number) => string): void;
  shown(): readonly CommentBadge[];
};

const OVERLAY_TYPE = 'stafett-comment';

export default function CommentBadges(this: CommentBadgesService, eventBus: EventBus, overlays: Overlays, elementRegistry: ElementRegistry) {
  let badges: readonly CommentBadge[] = [];
  let label: (count: number) => string = String;

  const redraw = () => {
    overlays.remove({ type: OVERLAY_TYPE });
    for (const { elementId, count } of badges) {
      const element = elementRegistry.get(elementId);
      if (!element || count <= 0) continue;
      const badge = document.createElement('span');
      badge.className = 'stafett-comment-badge';
      badge.dataset.elementId = elementId;
      badge.textContent = String(count);
      badge.title = label(count);
      badge.setAttribute('aria-hidden', 'true');
      // Bottom left: clear of the finding badge (top right) and of who else has it selected (top left).
      overlays.add(elementId, OVERLAY_TYPE, { position: element.waypoints ? { top: -24, left: -8 } : { bottom: 12, left: -10 }, html: badge });
    }
  };
  eventBus.on(['import.done', 'elements.changed'], 500, redraw);

  this.show = (next, nextLabel) => {
    badges = next;
    if (nextLabel) label = nextLabel;
    redraw();
  };
  this.shown = () => badges;
}

CommentBadges.$inject = ['eventBus', 'overlays', 'elementRegistry'];
