// Who else has which element selected: an outline in the colour of their organisation, with their
// name, drawn as bpmn-js overlays (which follow zoom and scroll) of one type we can clear at once.

export type PresenceMark = { elementId: string; name: string; colour: string };

type Overlays = {
  add(elementId: string, type: string, overlay: { position: { top: number; left: number }; html: HTMLElement; show?: unknown }): void;
  remove(filter: { type: string }): void;
};
type Registry = { get(id: string): { width?: number; height?: number; waypoints?: unknown } | undefined };
type Injector = { get<T>(name: string): T };

const TYPE = 'stafett-presence';

export function presenceOverlays(modeler: Injector, marks: PresenceMark[]): void {
  const overlays = modeler.get<Overlays>('overlays');
  const registry = modeler.get<Registry>('elementRegistry');
  overlays.remove({ type: TYPE });
  for (const mark of marks) {
    const element = registry.get(mark.elementId);
    if (!element || element.waypoints || !element.width || !element.height) continue;
    const box = document.createElement('div');
    box.className = 'stafett-presence-outline';
    // Set through the CSSOM: allowed under a Content-Security-Policy without inline styles.
    box.style.width = `${element.width + 8}px`;
    box.style.height = `${element.height + 8}px`;
    box.style.borderColor = mark.colour;
    const tag = document.createElement('span');
    tag.className = 'stafett-presence-name';
    tag.style.backgroundColor = mark.colour;
    tag.textContent = mark.name;
    box.appendChild(tag);
    overlays.add(mark.elementId, TYPE, { position: { top: -4, left: -4 }, html: box });
  }
}
