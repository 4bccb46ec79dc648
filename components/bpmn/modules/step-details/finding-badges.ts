// A badge on every element with a responsibility finding (bpmn-js overlays), recomputed from the model
// after each change with the same pure checks the server runs (lib/domain/responsibility/checks.ts).
// The badge is a visual cue only; the words are in the panel and in the checks list.

import type { ModdleElement } from 'bpmn-moddle';
import { checkResponsibility, type Finding } from '@/lib/domain/responsibility/checks';
import { projectResponsibility } from '@/lib/domain/responsibility/raci';
import type { StepDetailsService } from './step-details';

type Overlays = {
  add(elementId: string, type: string, overlay: { position: Record<string, number>; html: HTMLElement }): string;
  remove(filter: { type: string }): void;
};
type ElementRegistry = { get(id: string): unknown };
type EventBus = { on(event: string | string[], priority: number, callback: () => void): void };

export type FindingBadgesConfig = {
  roleOrganisations: ReadonlyMap<string, string>;
  /** The badge's accessible name, e.g. "2 anmärkningar". */
  label: (count: number) => string;
};

export type FindingBadgesService = {
  configure(config: FindingBadgesConfig): void;
  findings(): Finding[];
};

const OVERLAY_TYPE = 'stafett-finding';

export default function FindingBadges(
  this: FindingBadgesService,
  eventBus: EventBus,
  overlays: Overlays,
  elementRegistry: ElementRegistry,
  stepDetails: StepDetailsService,
) {
  let config: FindingBadgesConfig | undefined;
  let current: Finding[] = [];

  const redraw = () => {
    overlays.remove({ type: OVERLAY_TYPE });
    const definitions: ModdleElement | undefined = stepDetails.definitions();
    if (!config || !definitions) return;
    current = checkResponsibility(projectResponsibility(definitions), { roleOrganisations: config.roleOrganisations });
    const counts = new Map<string, number>();
    for (const f of current) counts.set(f.elementId, (counts.get(f.elementId) ?? 0) + 1);
    for (const [id, count] of counts) {
      if (!elementRegistry.get(id)) continue;
      const badge = document.createElement('span');
      badge.className = 'stafett-finding-badge';
      badge.textContent = String(count);
      badge.title = config.label(count);
      badge.setAttribute('aria-hidden', 'true');
      overlays.add(id, OVERLAY_TYPE, { position: { top: -10, right: 10 }, html: badge });
    }
  };
  // Low priority: after bpmn-js has drawn the change, so the overlays find their elements.
  eventBus.on(['import.done', 'elements.changed'], 500, redraw);

  this.configure = (next) => {
    config = next;
    redraw();
  };
  this.findings = () => current;
}

FindingBadges.$inject = ['eventBus', 'overlays', 'elementRegistry', 'stepDetails'];
