import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { childrenOf, refOf } from '@/lib/bpmn/elements';
import { parseBpmn } from '@/lib/bpmn/parse-bpmn';
import { BPMN_NS, CLEAN_XML } from '@/lib/bpmn/test-fixtures';
import { describeShapes } from './collaboration';
import { buildDischargeDemoFlow, KOMMUN_ROLE_NAMES, REGION_ROLE_NAMES } from './demo-flow';
import { renderDiagramSvg } from './render-svg';

const ALLOWED_TAGS = new Set(['svg', 'defs', 'marker', 'path', 'circle', 'rect', 'g', 'line', 'polyline', 'polygon', 'text', 'tspan']);

/** Tags must nest properly and be only the ones the renderer writes: a raw `<script>` would show up here. */
function assertWellFormed(svg: string): void {
  const stack: string[] = [];
  const withoutText = svg.replace(/>[^<]*</g, '><');
  for (const [, closing, name, selfClosing] of withoutText.matchAll(/<(\/?)([a-zA-Z]+)(?:\s[^<>]*?)?(\/?)>/g)) {
    expect(ALLOWED_TAGS.has(name!), `unexpected <${name}>`).toBe(true);
    if (selfClosing) continue;
    if (closing) expect(stack.pop()).toBe(name);
    else stack.push(name!);
  }
  expect(stack).toEqual([]);
  expect(withoutText.replace(/<(\/?)([a-zA-Z]+)(?:\s[^<>]*?)?(\/?)>/g, '').trim()).toBe('');
}

const roles = (names: readonly string[]): Record<string, string> => Object.fromEntries(names.map((n, i) => [n, `r${i}`]));

describe('renderDiagramSvg', () => {
  it('draws every pool, lane, node and flow of the demo flow inside a viewBox fitted to the diagram', async () => {
    const xml = await buildDischargeDemoFlow({
      region: { id: 'r', name: 'Regionen', colour: '#1d5fa8', roles: roles(REGION_ROLE_NAMES) },
      kommun: { id: 'k', name: 'Kommunen', colour: '#2e7d4f', roles: roles(KOMMUN_ROLE_NAMES) },
    });
    const { definitions } = await parseBpmn(xml, 'strict');
    const svg = renderDiagramSvg(definitions);
    assertWellFormed(svg);

    const drawn = new Set([...svg.matchAll(/data-element-id="([^"]+)"/g)].map((m) => m[1]));
    for (const id of Object.keys(describeShapes(definitions))) expect(drawn.has(id), id).toBe(true);
    expect(drawn.has('Message_KallelseSIP')).toBe(true);
    expect(drawn.has('Flow_R9')).toBe(true);

    const [x, y, w, h] = /viewBox="([^"]+)"/.exec(svg)![1]!.split(' ').map(Number);
    const boxes = Object.values(describeShapes(definitions));
    expect(x).toBe(Math.min(...boxes.map((b) => b.x)) - 20);
    expect(y).toBe(Math.min(...boxes.map((b) => b.y)) - 20);
    expect(x! + w!).toBeGreaterThanOrEqual(Math.max(...boxes.map((b) => b.x + b.width)));
    expect(y! + h!).toBeGreaterThanOrEqual(Math.max(...boxes.map((b) => b.y + b.height)));

    expect(svg.match(/stroke-dasharray="10 6"/g)).toHaveLength(4); // the four handovers
    expect(svg.match(/stroke-width="4"/g)).toHaveLength(2); // the two end events
    expect(svg).toContain('fill="#e4ecf5"'); // the region's light pool fill
    expect(svg).toContain('>Regionen</tspan></text>');
  });

  it('writes names with markup as inert text', async () => {
    const evil = '<script>alert("x")</script> & <img src=x onerror=alert(1)>';
    const escaped = evil.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
    const xml = CLEAN_XML.replace('name="Åtgärd"', `name="${escaped}"`).replace('<bpmn:startEvent id="Start_1">', `<bpmn:startEvent id="Start_1" name="${escaped}">`);
    const svg = renderDiagramSvg((await parseBpmn(xml, 'strict')).definitions);
    assertWellFormed(svg);
    expect(svg).not.toMatch(/<script|<img/i);
    expect(svg).toContain('&#60;script&#62;');
    expect(svg).toContain('&#60;img');
  });

  it('drops a DI colour that is not a plain colour value', async () => {
    const xml = CLEAN_XML.replace(
      '<bpmndi:BPMNShape id="Task_1_di" bpmnElement="Task_1">',
      '<bpmndi:BPMNShape id="Task_1_di" bpmnElement="Task_1" xmlns:bioc="http://bpmn.io/schema/bpmn/biocolor/1.0" bioc:fill="red&quot; onload=&quot;alert(1)" bioc:stroke="#0a0b0c">',
    );
    const svg = renderDiagramSvg((await parseBpmn(xml, 'strict')).definitions);
    assertWellFormed(svg);
    expect(svg).not.toContain('onload');
    expect(svg).toContain('stroke="#0a0b0c"');
  });

  it('returns a small empty picture for a file without a diagram', async () => {
    const { definitions } = await parseBpmn(`<bpmn:definitions ${BPMN_NS} id="D"><bpmn:process id="p"/></bpmn:definitions>`, 'lenient');
    const svg = renderDiagramSvg(definitions);
    assertWellFormed(svg);
    expect(svg).toContain('viewBox="0 0 200 100"');
  });

  it('renders every MIWG reference model', async () => {
    const dir = path.resolve(fileURLToPath(new URL('../..', import.meta.url)), 'testdata/bpmn-miwg-reference');
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.bpmn'))) {
      const { definitions } = await parseBpmn(fs.readFileSync(path.join(dir, file), 'utf8'), 'lenient');
      const svg = renderDiagramSvg(definitions);
      assertWellFormed(svg);
      const drawn = new Set([...svg.matchAll(/data-element-id="([^"]+)"/g)].map((m) => m[1]));
      // The first diagram is the one drawn (a file may add planes for collapsed sub-processes).
      const plane = refOf(childrenOf(definitions, 'diagrams')[0]!, 'plane')!;
      for (const di of childrenOf(plane, 'planeElement')) {
        const id = refOf(di, 'bpmnElement')?.id;
        if (id) expect(drawn.has(id), `${file} ${id}`).toBe(true);
      }
    }
  });
});
