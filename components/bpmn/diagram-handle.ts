/** What the editor's toolbar may ask of a drawn diagram; the bpmn-js instance itself never leaves its component. */
export type DiagramExport = {
  getXml(): Promise<string>;
  getSvg(): Promise<string>;
};

export type DiffColour = 'added' | 'removed' | 'changed' | 'moved';

/** The CSS class (see stafett-canvas.css) that colours an element of a diff. */
export function diffMarker(colour: DiffColour): string {
  return `stafett-diff-${colour}`;
}
