import type { ModdleElement } from 'bpmn-moddle';
import { childrenOf, is, refOf, stringOf } from '@/lib/bpmn/elements';
import { boundsOf, type Bounds } from './collaboration';
import { escapeXml, round, textBlock, verticalLabel, type TextBox } from './svg-text';

// A self-contained SVG of a flow, drawn on the server from its diagram interchange (DI) alone: for
// GET /api/flows/:id/svg and downloads. Simpler than bpmn-js's rendering, and every text is escaped.

const MARGIN = 20;
const INK = '#1f2937';

type Point = { x: number; y: number };
type Shape = { element: ModdleElement; box: Bounds; di: ModdleElement };
type Edge = { element: ModdleElement; points: Point[]; di: ModdleElement };

export function renderDiagramSvg(definitions: ModdleElement): string {
  const plane = refOf(childrenOf(definitions, 'diagrams')[0] ?? definitions, 'plane');
  const shapes: Shape[] = [];
  const edges: Edge[] = [];
  for (const di of plane ? childrenOf(plane, 'planeElement') : []) {
    const element = refOf(di, 'bpmnElement');
    if (!element) continue;
    const bounds = refOf(di, 'bounds');
    if (is(di, 'bpmndi:BPMNShape') && bounds) shapes.push({ element, box: boundsOf(bounds), di });
    if (is(di, 'bpmndi:BPMNEdge')) {
      const points = childrenOf(di, 'waypoint').map((p) => ({ x: Number(p.get('x')), y: Number(p.get('y')) }));
      if (points.length >= 2) edges.push({ element, points, di });
    }
  }
  const view = viewBox(shapes, edges);
  const ordered = [...shapes].sort((a, b) => layer(a) - layer(b));
  const body = [...ordered.map(drawShape), ...edges.map(drawEdge)].join('\n');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${view.join(' ')}" width="${view[2]}" height="${view[3]}" font-family="Arial, Helvetica, sans-serif" font-size="12">`,
    '<defs>',
    `<marker id="seq-end" viewBox="0 0 20 20" refX="11" refY="10" markerWidth="10" markerHeight="10" orient="auto"><path d="M 1 5 L 11 10 L 1 15 Z" fill="${INK}"/></marker>`,
    `<marker id="msg-end" viewBox="0 0 20 20" refX="8.5" refY="5" markerWidth="20" markerHeight="20" orient="auto"><path d="M 1 1 L 8 5 L 1 9 Z" fill="#ffffff" stroke="${INK}"/></marker>`,
    `<marker id="msg-start" viewBox="0 0 20 20" refX="6" refY="6" markerWidth="20" markerHeight="20" orient="auto"><circle cx="6" cy="6" r="3.5" fill="#ffffff" stroke="${INK}"/></marker>`,
    '</defs>',
    `<rect x="${view[0]}" y="${view[1]}" width="${view[2]}" height="${view[3]}" fill="#ffffff"/>`,
    body,
    '</svg>',
  ].join('\n');
}

function viewBox(shapes: Shape[], edges: Edge[]): [number, number, number, number] {
  const xs: number[] = [];
  const ys: number[] = [];
  for (const { box } of shapes) xs.push(box.x, box.x + box.width), ys.push(box.y, box.y + box.height);
  for (const { points } of edges) for (const p of points) xs.push(p.x), ys.push(p.y);
  if (xs.length === 0) return [0, 0, 200, 100];
  const minX = Math.min(...xs) - MARGIN;
  const minY = Math.min(...ys) - MARGIN;
  // Labels hang below events and gateways: leave room for them.
  return [round(minX), round(minY), round(Math.max(...xs) + MARGIN - minX), round(Math.max(...ys) + MARGIN + 40 - minY)];
}

function layer({ element, box }: Shape): number {
  if (is(element, 'bpmn:Participant')) return 0;
  if (is(element, 'bpmn:Lane')) return 1;
  if (is(element, 'bpmn:SubProcess') || is(element, 'bpmn:Group')) return 2 + 1 / Math.max(1, box.width * box.height);
  return 3;
}

/** DI colours, bpmn.io's or the OMG extension's; only plain colour values pass, anything else is dropped. */
function colours(di: ModdleElement): { fill?: string; stroke?: string } {
  const safe = (v: string | undefined) => (v && /^(#[0-9a-f]{3,8}|[a-z]{3,20}|rgba?\([\d\s.,%]+\))$/i.test(v) ? v : undefined);
  return {
    fill: safe(stringOf(di, 'bioc:fill') ?? stringOf(di, 'color:background-color')),
    stroke: safe(stringOf(di, 'bioc:stroke') ?? stringOf(di, 'color:border-color')),
  };
}

function nameOf(element: ModdleElement): string {
  if (is(element, 'bpmn:TextAnnotation')) return stringOf(element, 'text') ?? '';
  return typeof element.name === 'string' ? element.name : '';
}

function idAttr(element: ModdleElement): string {
  return element.id ? ` data-element-id="${escapeXml(element.id)}"` : '';
}

function labelBox(di: ModdleElement, fallback: TextBox): TextBox {
  const bounds = refOf(refOf(di, 'label') ?? di, 'bounds');
  return refOf(di, 'label') && bounds ? boundsOf(bounds) : fallback;
}

function drawShape({ element, box, di }: Shape): string {
  const { fill, stroke } = colours(di);
  const s = stroke ?? INK;
  const f = fill ?? '#ffffff';
  const name = nameOf(element);
  const { x, y, width: w, height: h } = box;
  const open = `<g${idAttr(element)}>`;
  if (is(element, 'bpmn:Participant') || is(element, 'bpmn:Lane')) {
    const band = { x, y, width: 30, height: h };
    const bandLine = is(element, 'bpmn:Participant') ? `<line x1="${x + 30}" y1="${y}" x2="${x + 30}" y2="${y + h}" stroke="${s}"/>` : '';
    return `${open}<rect x="${x}" y="${y}" width="${w}" height="${h}" fill="${f}" stroke="${s}" stroke-width="1.5"/>${bandLine}${name ? verticalLabel(name, band, s) : ''}</g>`;
  }
  if (element.$type.endsWith('Event')) return open + drawEvent(element, box, s, f) + eventLabel(name, di, box) + '</g>';
  if (element.$type.endsWith('Gateway')) return open + drawGateway(element, di, box, s, f) + eventLabel(name, di, box) + '</g>';
  if (is(element, 'bpmn:TextAnnotation')) {
    return `${open}<path d="M ${x + 10} ${y} L ${x} ${y} L ${x} ${y + h} L ${x + 10} ${y + h}" fill="none" stroke="${s}"/>${textBlock(name, { x: x + 4, y, width: w - 4, height: h })}</g>`;
  }
  if (is(element, 'bpmn:Group')) {
    return `${open}<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="10" fill="none" stroke="${s}" stroke-dasharray="8 3 1 3"/>${name ? textBlock(name, { ...labelBox(di, { x, y: y + 2, width: w, height: 20 }) }, { top: true }) : ''}</g>`;
  }
  if (is(element, 'bpmn:DataObjectReference') || is(element, 'bpmn:DataObject')) {
    const fold = Math.min(10, w / 3);
    return `${open}<path d="M ${x} ${y} L ${x + w - fold} ${y} L ${x + w} ${y + fold} L ${x + w} ${y + h} L ${x} ${y + h} Z M ${x + w - fold} ${y} L ${x + w - fold} ${y + fold} L ${x + w} ${y + fold}" fill="${f}" stroke="${s}"/>${eventLabel(name, di, box)}</g>`;
  }
  if (is(element, 'bpmn:DataStoreReference')) {
    const ry = Math.min(8, h / 6);
    return `${open}<path d="M ${x} ${y + ry} A ${w / 2} ${ry} 0 0 1 ${x + w} ${y + ry} L ${x + w} ${y + h - ry} A ${w / 2} ${ry} 0 0 1 ${x} ${y + h - ry} Z M ${x} ${y + ry} A ${w / 2} ${ry} 0 0 0 ${x + w} ${y + ry}" fill="${f}" stroke="${s}"/>${eventLabel(name, di, box)}</g>`;
  }
  // Activities and anything else with bounds: a rounded rectangle with the name inside.
  const expanded = is(element, 'bpmn:SubProcess') && di.get('isExpanded') === true;
  const thick = is(element, 'bpmn:CallActivity') ? 4 : 1.5;
  const text = expanded ? textBlock(name, { x: x + 5, y: y + 2, width: w - 10, height: 20 }, { top: true }) : textBlock(name, { x: x + 5, y, width: w - 10, height: h });
  return `${open}<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="10" fill="${f}" stroke="${s}" stroke-width="${thick}"/>${text}</g>`;
}

function drawEvent(element: ModdleElement, box: Bounds, stroke: string, fill: string): string {
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  const r = box.width / 2;
  if (is(element, 'bpmn:EndEvent')) return `<circle cx="${cx}" cy="${cy}" r="${r - 2}" fill="${fill}" stroke="${stroke}" stroke-width="4"/>`;
  const outer = `<circle cx="${cx}" cy="${cy}" r="${r}" fill="${fill}" stroke="${stroke}" stroke-width="${is(element, 'bpmn:StartEvent') ? 2 : 1.5}"/>`;
  const inner = is(element, 'bpmn:StartEvent') ? '' : `<circle cx="${cx}" cy="${cy}" r="${r - 3}" fill="none" stroke="${stroke}" stroke-width="1.5"/>`;
  const message = childrenOf(element, 'eventDefinitions').some((d) => is(d, 'bpmn:MessageEventDefinition'))
    ? `<rect x="${cx - 8}" y="${cy - 5.5}" width="16" height="11" fill="none" stroke="${stroke}"/><path d="M ${cx - 8} ${cy - 5.5} L ${cx} ${cy + 1} L ${cx + 8} ${cy - 5.5}" fill="none" stroke="${stroke}"/>`
    : '';
  return outer + inner + message;
}

function drawGateway(element: ModdleElement, di: ModdleElement, box: Bounds, stroke: string, fill: string): string {
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  const hw = box.width / 2;
  const hh = box.height / 2;
  const diamond = `<polygon points="${cx},${box.y} ${box.x + box.width},${cy} ${cx},${box.y + box.height} ${box.x},${cy}" fill="${fill}" stroke="${stroke}" stroke-width="1.5"/>`;
  const m = Math.min(hw, hh) / 2.2;
  let marker = '';
  if (is(element, 'bpmn:ExclusiveGateway') && di.get('isMarkerVisible') === true) {
    marker = `<path d="M ${cx - m} ${cy - m} L ${cx + m} ${cy + m} M ${cx + m} ${cy - m} L ${cx - m} ${cy + m}" stroke="${stroke}" stroke-width="3"/>`;
  } else if (is(element, 'bpmn:ParallelGateway')) {
    marker = `<path d="M ${cx} ${cy - m} L ${cx} ${cy + m} M ${cx - m} ${cy} L ${cx + m} ${cy}" stroke="${stroke}" stroke-width="3"/>`;
  } else if (is(element, 'bpmn:InclusiveGateway')) {
    marker = `<circle cx="${cx}" cy="${cy}" r="${m}" fill="none" stroke="${stroke}" stroke-width="2.5"/>`;
  }
  return diamond + marker;
}

/** Events, gateways and data take their name outside: at the DI label, else centred below. */
function eventLabel(name: string, di: ModdleElement, box: Bounds): string {
  if (!name) return '';
  const fallback = { x: box.x + box.width / 2 - 50, y: box.y + box.height + 4, width: 100, height: 30 };
  return textBlock(name, labelBox(di, fallback), { top: true });
}

function drawEdge({ element, points, di }: Edge): string {
  const { stroke } = colours(di);
  const s = stroke ?? INK;
  const path = points.map((p) => `${round(p.x)},${round(p.y)}`).join(' ');
  let style = `stroke="${s}" stroke-width="1.5" marker-end="url(#seq-end)"`;
  if (is(element, 'bpmn:MessageFlow')) style = `stroke="${s}" stroke-width="1.5" stroke-dasharray="10 6" marker-start="url(#msg-start)" marker-end="url(#msg-end)"`;
  else if (is(element, 'bpmn:DataAssociation')) style = `stroke="${s}" stroke-dasharray="1 4" stroke-linecap="round" marker-end="url(#seq-end)"`;
  else if (is(element, 'bpmn:Association')) style = `stroke="${s}" stroke-dasharray="1 4" stroke-linecap="round"`;
  const name = nameOf(element);
  const middle = points[Math.floor(points.length / 2)]!;
  const label = name ? textBlock(name, labelBox(di, { x: middle.x - 50, y: middle.y - 16, width: 100, height: 14 }), { top: true }) : '';
  return `<g${idAttr(element)}><polyline points="${path}" fill="none" ${style}/>${label}</g>`;
}
