import { expect, storageStateFor, test } from './fixtures';

// Journey: a flow gets three revisions; the history lists them with their author, the diff of 1 → 3
// names the added task and the renamed one in words, and restoring version 1 adds version 4 with
// version 1's content (history is never rewritten).

test.use({ storageState: storageStateFor('kommun.editor') });

type Task = { id: string; name: string; x: number };

/** A small drawable process: start → tasks → end, with DI, so the editor's strict save accepts it. */
function processXml(tasks: Task[]): string {
  const nodes = [{ id: 'Start_1', x: 100 }, ...tasks, { id: 'End_1', x: 200 + tasks.length * 160 }];
  const flows = nodes.slice(1).map((n, i) => ({ id: `Flow_${i + 1}`, source: nodes[i]!.id, target: n.id }));
  const semantic = [
    '<bpmn:startEvent id="Start_1" name="Början" />',
    ...tasks.map((t) => `<bpmn:task id="${t.id}" name="${t.name}" />`),
    '<bpmn:endEvent id="End_1" name="Slut" />',
    ...flows.map((f) => `<bpmn:sequenceFlow id="${f.id}" sourceRef="${f.source}" targetRef="${f.target}" />`),
  ];
  const box = (n: { id: string; x: number }) =>
    n.id.startsWith('Task')
      ? { x: n.x, y: 80, w: 100, h: 80 }
      : { x: n.x, y: 102, w: 36, h: 36 };
  const shapes = nodes.map((n) => {
    const b = box(n);
    return `<bpmndi:BPMNShape id="${n.id}_di" bpmnElement="${n.id}"><dc:Bounds x="${b.x}" y="${b.y}" width="${b.w}" height="${b.h}" /></bpmndi:BPMNShape>`;
  });
  const edges = flows.map((f) => {
    const s = box(nodes.find((n) => n.id === f.source)!);
    const t = box(nodes.find((n) => n.id === f.target)!);
    return `<bpmndi:BPMNEdge id="${f.id}_di" bpmnElement="${f.id}"><di:waypoint x="${s.x + s.w}" y="120" /><di:waypoint x="${t.x}" y="120" /></bpmndi:BPMNEdge>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" id="Defs_1" targetNamespace="http://stafett.se/e2e">
  <bpmn:process id="Process_1" isExecutable="false">${semantic.join('')}</bpmn:process>
  <bpmndi:BPMNDiagram id="Diagram_1"><bpmndi:BPMNPlane id="Plane_1" bpmnElement="Process_1">${[...shapes, ...edges].join('')}</bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
</bpmn:definitions>`;
}

test('history lists revisions, diffs two of them and restores an old one', async ({ page, request }) => {
  test.setTimeout(180_000); // several pages and two bpmn-js canvases on a shared dev server
  const flowName = `Historik e2e ${Date.now()}-${Math.random().toString(36).slice(2, 7)}`;
  const notice: Task = { id: 'Task_notice', name: 'Skicka inskrivningsmeddelande', x: 180 };
  const created = await request.post(`/api/flows?name=${encodeURIComponent(flowName)}`, {
    headers: { 'Content-Type': 'application/xml' },
    data: processXml([notice]),
  });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };

  const put = async (xml: string, base: number) => {
    const saved = await request.put(`/api/flows/${id}/bpmn`, {
      headers: { 'Content-Type': 'application/xml', 'If-Match': String(base) },
      data: xml,
    });
    expect(saved.status(), await saved.text()).toBe(200);
    return ((await saved.json()) as { version: number }).version;
  };
  const renamed = { ...notice, name: 'Skicka inskrivningsmeddelande inom 24 timmar' };
  expect(await put(processXml([renamed]), 1)).toBe(2);
  expect(await put(processXml([renamed, { id: 'Task_invite', name: 'Skicka kallelse', x: 340 }]), 2)).toBe(3);

  const me = (await (await request.get('/api/me')).json()) as { name: string };

  await page.goto(`/flows/${id}/history`);
  await expect(page.getByRole('heading', { level: 1, name: 'Versionshistorik' })).toBeVisible();
  const table = page.getByRole('table', { name: /Versioner av/ });
  const rows = table.getByRole('row');
  await expect(rows).toHaveCount(4); // header + 3 versions
  for (const version of ['3', '2', '1']) {
    await expect(table.getByRole('row', { name: new RegExp(`^${version}\\b`) })).toContainText(me.name);
  }

  await page.getByLabel('Från version').selectOption('1');
  await page.getByLabel('Till version').selectOption('3');
  await page.getByRole('button', { name: 'Visa skillnader' }).click();
  await expect(page).toHaveURL(new RegExp(`/flows/${id}/diff\\?from=1&to=3`));
  const changes = page.getByRole('region', { name: 'Ändringar i ord' });
  await expect(changes).toContainText('Uppgiften ”Skicka kallelse” lades till');
  await expect(changes).toContainText('”Skicka inskrivningsmeddelande” bytte namn till ”Skicka inskrivningsmeddelande inom 24 timmar”');
  await expect(page.locator('[data-element-id="Task_invite"]').first()).toBeVisible();

  await page.goto(`/flows/${id}/history`);
  await page.getByRole('link', { name: 'Återställ version 1' }).click();
  await page.getByRole('button', { name: 'Ja, återställ version 1' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'återställdes' })).toContainText('Version 1 återställdes och sparades som version 4.');
  await expect(page.getByRole('table', { name: /Versioner av/ }).getByRole('row')).toHaveCount(5);

  // Semantically equal: the server's own diff of 1 and 4 finds nothing.
  const diff = await request.get(`/api/flows/${id}/diff?from=1&to=4`);
  expect(diff.status()).toBe(200);
  const body = (await diff.json()) as Record<'added' | 'removed' | 'changed' | 'layoutChanged', unknown[]>;
  expect([body.added, body.removed, body.changed, body.layoutChanged]).toEqual([[], [], [], []]);
  const v4 = await (await request.get(`/api/flows/${id}/bpmn?version=4`)).text();
  expect(v4).toContain('name="Skicka inskrivningsmeddelande"');
  expect(v4).not.toContain('Skicka kallelse');
});

test.describe('as a viewer', () => {
  test.use({ storageState: storageStateFor('viewer') });

  test('a viewer sees the history but is offered no restore, and the mapping page is out of reach', async ({ page, playwright }) => {
    const editor = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL, storageState: storageStateFor('kommun.editor') });
    const created = await editor.post(`/api/flows?name=${encodeURIComponent(`Läsare e2e ${Date.now()}`)}`, {
      headers: { 'Content-Type': 'application/xml' },
      data: processXml([{ id: 'Task_a', name: 'Ring brukaren', x: 180 }]),
    });
    expect(created.status()).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const saved = await editor.put(`/api/flows/${id}/bpmn`, {
      headers: { 'Content-Type': 'application/xml', 'If-Match': '1' },
      data: processXml([{ id: 'Task_a', name: 'Ring brukaren igen', x: 180 }]),
    });
    expect(saved.status()).toBe(200);
    await editor.dispose();

    await page.goto(`/flows/${id}/history`);
    await expect(page.getByRole('table', { name: /Versioner av/ }).getByRole('row')).toHaveCount(3);
    await expect(page.getByRole('link', { name: 'Visa version 1' })).toBeVisible();
    await expect(page.getByRole('link', { name: /Återställ/ })).toHaveCount(0);
    // Even with the confirm step asked for in the URL, a viewer gets no restore button.
    await page.goto(`/flows/${id}/history?restore=1`);
    await expect(page.getByRole('button', { name: /återställ/i })).toHaveCount(0);

    await page.goto(`/flows/${id}/mapping`);
    await expect(page.getByRole('heading', { name: 'Vi hittar inte sidan' })).toBeVisible();
  });
});

test('the visual diff shows both versions side by side, readable, panning and zooming together', async ({ page, request }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  // A flow wide enough not to fit at a readable zoom: twelve tasks in a row.
  const tasks = (suffix: string) => Array.from({ length: 12 }, (_, i) => ({ id: `Task_${i}`, name: `Steg ${i} ${suffix}`, x: 180 + i * 160 }));
  const created = await request.post(`/api/flows?name=${encodeURIComponent(`Diff e2e ${Date.now()}`)}`, {
    headers: { 'Content-Type': 'application/xml' },
    data: processXml(tasks('före')),
  });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const saved = await request.put(`/api/flows/${id}/bpmn`, { headers: { 'Content-Type': 'application/xml', 'If-Match': '1' }, data: processXml(tasks('efter')) });
  expect(saved.status()).toBe(200);

  await page.goto(`/flows/${id}/diff?from=1&to=2`);
  const before = page.getByRole('region', { name: 'Version 1 (äldre) med borttagna element markerade' });
  const after = page.getByRole('region', { name: 'Version 2 (nyare) med tillagda, ändrade och flyttade element markerade' });
  await expect(before.locator('[data-element-id="Task_0"]')).toBeVisible({ timeout: 30_000 });
  await expect(after.locator('[data-element-id="Task_0"]')).toBeVisible();
  const [b, a] = [(await before.boundingBox())!, (await after.boundingBox())!];
  expect(a.x, 'the newer version stands right of the older one').toBeGreaterThanOrEqual(b.x + b.width);
  expect(Math.abs(a.y - b.y)).toBeLessThan(2);

  const scale = (canvas: typeof before) =>
    canvas.locator('svg .viewport').first().evaluate((g) => (g as SVGGElement).getCTM()?.a ?? 0);
  const offset = (canvas: typeof before) =>
    canvas.locator('svg .viewport').first().evaluate((g) => (g as SVGGElement).getCTM()?.e ?? 0);
  expect((await scale(before)) * 12, 'labels of 11 px or more').toBeGreaterThanOrEqual(11);

  await after.getByRole('button', { name: 'Zooma in' }).click();
  await expect.poll(() => scale(before)).toBeCloseTo(await scale(after), 3);
  // Dragging the older one pans the newer one the same way.
  const start = await offset(after);
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2);
  await page.mouse.down();
  await page.mouse.move(b.x + b.width / 2 - 200, b.y + b.height / 2, { steps: 5 });
  await page.mouse.up();
  await expect.poll(() => offset(after)).toBeLessThan(start - 100);
  expect(Math.abs((await offset(after)) - (await offset(before)))).toBeLessThan(2);
});
