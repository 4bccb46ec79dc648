import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ModdleElement } from 'bpmn-moddle';
import { childrenOf, is, refOf, stringOf, walkContained } from '../lib/bpmn/elements';
import { createModdle } from '../lib/bpmn/moddle';
import { expect, storageStateFor, test } from './fixtures';

// Every MIWG reference model imports, opens in the editor with every shape of its main diagram drawn,
// and exports again through the editor's own download. The server-side round trip (ids, bounds) is
// proven in lib/db/flows/create-flow-from-bpmn.int.test.ts; this is the user's view of the same files.

test.use({ storageState: storageStateFor('kommun.editor') });

const DIR = path.resolve(__dirname, '..', 'testdata', 'bpmn-miwg-reference');
const FILES = readdirSync(DIR).filter((f) => f.endsWith('.bpmn')).sort();

/**
 * Ids of the shapes bpmn-js draws on opening: those of the first diagram (others are sub-process
 * drill-downs or other views) whose element belongs to what that diagram shows. A collaboration shows
 * its pools' processes and any process with lanes; another process outside every pool (B.1.0 has
 * one) is kept in the file and reported by the import (HIDDEN_PROCESS), but not drawn.
 */
async function shapesBpmnJsDraws(xml: string): Promise<string[]> {
  const { rootElement } = await createModdle().fromXML(xml, 'bpmn:Definitions', { lax: true });
  const diagram = childrenOf(rootElement, 'diagrams')[0];
  const plane = diagram && refOf(diagram, 'plane');
  const root = plane && refOf(plane, 'bpmnElement');
  if (!plane || !root) return [];
  const shown = new Set<string>();
  const show = (element: ModdleElement) => walkContained(element, (e) => void shown.add(stringOf(e, 'id') ?? ''));
  show(root);
  if (is(root, 'bpmn:Collaboration')) {
    const inPools = childrenOf(root, 'participants').map((p) => refOf(p, 'processRef'));
    for (const process of childrenOf(rootElement, 'rootElements').filter((e) => is(e, 'bpmn:Process'))) {
      // bpmn-js also draws a process outside every pool when it has lanes (MIWG's free-floating lanes).
      if (inPools.includes(process) || childrenOf(process, 'laneSets').length > 0) show(process);
    }
  }
  return childrenOf(plane, 'planeElement')
    .filter((e) => is(e, 'bpmndi:BPMNShape'))
    .map((shape) => stringOf(refOf(shape, 'bpmnElement') ?? shape, 'id') ?? '')
    .filter((id) => shown.has(id));
}

for (const file of FILES) {
  test(`${file} opens with every shape drawn and exports`, async ({ page }) => {
    const created = await page.request.post(`/api/flows?name=${encodeURIComponent(`MIWG ${file} ${Date.now()}`)}`, {
      headers: { 'content-type': 'application/xml' },
      data: readFileSync(path.join(DIR, file), 'utf8'),
    });
    expect(created.status()).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const stored = await (await page.request.get(`/api/flows/${id}/bpmn`)).text();
    const expected = await shapesBpmnJsDraws(stored);
    expect(expected.length).toBeGreaterThan(0);

    await page.goto(`/flows/${id}`);
    const canvas = page.getByRole('application');
    await expect(canvas.locator(`[data-element-id="${expected[0]}"]`).first()).toBeAttached();
    const drawn = await canvas.locator('[data-element-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-element-id')));
    expect(expected.filter((elementId) => !drawn.includes(elementId))).toEqual([]);

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Ladda ner BPMN' }).click();
    const exported = readFileSync(await (await download).path(), 'utf8');
    expect((await shapesBpmnJsDraws(exported)).sort()).toEqual([...expected].sort());
  });
}
