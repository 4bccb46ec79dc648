import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import type { APIRequestContext, Download, Page } from '@playwright/test';
import { expect, storageStateFor, test } from './fixtures';

// The editor journey: a shared flow for Kommunen and Regionen, drawn in the browser with bpmn-js,
// saved (button and autosave), reloaded, exported; a stale save; the read-only viewer.

test.use({ storageState: storageStateFor('kommun.editor') });
// The first visit compiles the editor page on the dev server and loads bpmn-js: allow for it.
test.describe.configure({ timeout: 120_000 });

type Pool = { participantId: string; laneId: string; laneName: string };
type SharedFlow = { id: string; name: string; kommun: Pool; region: Pool };

/** Organisation ids and roles through the viewer, who belongs to both organisations. */
async function lookUpOrganisations(request: APIRequestContext) {
  const list = (await (await request.get('/api/organisations')).json()) as { organisations: { id: string; name: string }[] };
  const byName = async (name: string) => {
    const org = list.organisations.find((o) => o.name === name);
    if (!org) throw new Error(`The viewer is not in ${name}: is the database seeded?`);
    const detail = (await (await request.get(`/api/organisations/${org.id}`)).json()) as {
      organisation: { roles: { id: string; name: string }[] };
    };
    return { id: org.id, roleIds: detail.organisation.roles.slice(0, 2).map((r) => r.id) };
  };
  return { kommun: await byName('Kommunen'), region: await byName('Regionen') };
}

/** The first lane of the pool linked to `organisationId`, read from the stored XML. */
function firstLaneOf(xml: string, organisationId: string): Pool {
  const participant = new RegExp(`<bpmn:participant id="([^"]+)"[^>]*stafett:organisationId="${organisationId}"[^>]*processRef="([^"]+)"`).exec(xml)
    ?? new RegExp(`<bpmn:participant id="([^"]+)"[^>]*processRef="([^"]+)"[^>]*stafett:organisationId="${organisationId}"`).exec(xml);
  if (!participant) throw new Error(`No pool for organisation ${organisationId}`);
  const process = new RegExp(`<bpmn:process id="${participant[2]}"[\\s\\S]*?</bpmn:process>`).exec(xml)?.[0] ?? '';
  const lane = /<bpmn:lane id="([^"]+)" name="([^"]+)"/.exec(process);
  if (!lane) throw new Error(`No lane in pool ${participant[1]}`);
  return { participantId: participant[1]!, laneId: lane[1]!, laneName: lane[2]! };
}

async function createSharedFlow(page: Page, viewerRequest: APIRequestContext): Promise<SharedFlow> {
  const orgs = await lookUpOrganisations(viewerRequest);
  const name = `E2E redigering ${Date.now()}-${Math.random().toString(36).slice(2, 7)}`;
  const created = await page.request.post('/api/flows', {
    data: {
      name,
      category: 'CORE',
      organisations: [orgs.kommun.id, orgs.region.id],
      roles: { [orgs.kommun.id]: orgs.kommun.roleIds, [orgs.region.id]: orgs.region.roleIds },
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const xml = await (await page.request.get(`/api/flows/${id}/bpmn`)).text();
  return { id, name, kommun: firstLaneOf(xml, orgs.kommun.id), region: firstLaneOf(xml, orgs.region.id) };
}

async function openEditor(page: Page, flow: SharedFlow) {
  await page.goto(`/flows/${flow.id}`);
  await expect(page.getByRole('application', { name: `Flödesdiagram: ${flow.name}` })).toBeVisible();
  await expect(page.locator(`[data-element-id="${flow.kommun.laneId}"]`)).toBeVisible({ timeout: 30_000 });
}

/**
 * Palette "Uppgift", a click inside the lane, the name typed into the label editor (Enter ends it).
 * Returns the new task's id: bpmn-js leaves a newly created element selected.
 */
async function addTask(page: Page, laneId: string, name: string, xShare = 0.4): Promise<string> {
  const lane = await page.locator(`[data-element-id="${laneId}"]`).boundingBox();
  if (!lane) throw new Error(`Lane ${laneId} is not on the canvas`);
  await page.locator('.djs-palette').getByRole('button', { name: 'Uppgift', exact: true }).click();
  const x = lane.x + lane.width * xShare;
  const y = lane.y + lane.height / 2;
  await page.mouse.move(x - 10, y - 10);
  await page.mouse.move(x, y);
  await page.mouse.click(x, y);
  await expect(page.locator('.djs-direct-editing-parent')).toBeVisible();
  await page.keyboard.type(name);
  await page.keyboard.press('Enter');
  const created = page.locator('g.djs-shape.selected');
  await expect(created).toHaveCount(1);
  await expect(created.locator('text')).toContainText(name.split(' ')[0]!);
  const id = await created.getAttribute('data-element-id');
  if (!id) throw new Error(`No task named ${name}`);
  return id;
}

async function centreOf(page: Page, elementId: string) {
  const box = await page.locator(`[data-element-id="${elementId}"]`).first().boundingBox();
  if (!box) throw new Error(`${elementId} is not on the canvas`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Select the source, take the context pad's connect tool, click the target: a message flow across pools. */
async function connect(page: Page, sourceId: string, targetId: string) {
  // A click on an element that is already selected deselects it (diagram-js toggles), so only click when needed.
  if ((await page.locator(`g.djs-shape.selected[data-element-id="${sourceId}"]`).count()) === 0) {
    const source = await centreOf(page, sourceId);
    await page.mouse.click(source.x, source.y);
  }
  await page.locator('.djs-context-pad [data-action="connect"]').click();
  const target = await centreOf(page, targetId);
  await page.mouse.move(target.x - 5, target.y - 5);
  await page.mouse.move(target.x, target.y);
  await page.mouse.click(target.x, target.y);
}

async function downloadedText(download: Download): Promise<Buffer> {
  const file = await download.path();
  if (!file) throw new Error('The download has no file');
  return readFile(file);
}

// Saves go through the real server, which can be slow on a busy shared machine: wait generously.
const SAVE_WAIT = { timeout: 45_000 };
const status = (page: Page) => page.getByRole('status').filter({ hasText: /sparade|Osparade|Sparar|version|spara/ });

test('draws tasks in both pools and a message flow, saves, and finds them after a reload', async ({ page, playwright, baseURL }) => {
  const viewerRequest = await playwright.request.newContext({ baseURL, storageState: storageStateFor('viewer') });
  const flow = await createSharedFlow(page, viewerRequest);
  await openEditor(page, flow);

  const kommunTask = await addTask(page, flow.kommun.laneId, 'Planera hemgång');
  const regionTask = await addTask(page, flow.region.laneId, 'Skicka meddelande');
  await connect(page, regionTask, kommunTask);

  await page.getByLabel('Beskriv ändringen (valfritt)').fill('Två uppgifter och en överlämning');
  await page.getByRole('toolbar').getByRole('button', { name: 'Spara' }).click();
  await expect(status(page)).toHaveText(/Alla ändringar sparade \(version \d+\)/, SAVE_WAIT);

  const xml = await (await page.request.get(`/api/flows/${flow.id}/bpmn`)).text();
  expect(xml).toContain('Planera hemgång');
  expect(xml).toContain('Skicka meddelande');
  const messageFlow = new RegExp(`<bpmn:messageFlow id="([^"]+)"[^>]*sourceRef="${regionTask}"[^>]*targetRef="${kommunTask}"`).exec(xml);
  expect(messageFlow, 'a message flow from the region task to the kommun task').not.toBeNull();
  // The lanes kept their link to the role catalogue.
  expect(xml).toMatch(new RegExp(`<bpmn:lane id="${flow.kommun.laneId}"[^>]*stafett:roleId="`));

  await page.reload();
  for (const id of [kommunTask, regionTask]) {
    await expect(page.locator(`g.djs-shape[data-element-id="${id}"]`)).toBeVisible({ timeout: 30_000 });
  }
  // A straight vertical connection has a zero-width box, which Playwright counts as hidden: check it is drawn.
  await expect(page.locator(`g.djs-connection[data-element-id="${messageFlow![1]}"] path`).first()).toBeAttached();
  await expect(status(page)).toHaveText(/Alla ändringar sparade/, SAVE_WAIT);
  await viewerRequest.dispose();
});

test('autosaves shortly after the drawing stops changing', async ({ page, playwright, baseURL }) => {
  const viewerRequest = await playwright.request.newContext({ baseURL, storageState: storageStateFor('viewer') });
  const flow = await createSharedFlow(page, viewerRequest);
  await openEditor(page, flow);
  await addTask(page, flow.kommun.laneId, 'Autosparad uppgift');
  await expect(status(page)).toHaveText('Osparade ändringar');
  await expect(status(page)).toHaveText('Alla ändringar sparade (version 2)', SAVE_WAIT);
  expect(await (await page.request.get(`/api/flows/${flow.id}/bpmn`)).text()).toContain('Autosparad uppgift');
  await viewerRequest.dispose();
});

test('a stale save says someone else saved, keeps the drawing, and can still win as a new version', async ({ page, playwright, baseURL }) => {
  const viewerRequest = await playwright.request.newContext({ baseURL, storageState: storageStateFor('viewer') });
  const flow = await createSharedFlow(page, viewerRequest);
  await openEditor(page, flow);

  // Someone else saves version 2 while this page still stands on version 1.
  const head = await page.request.get(`/api/flows/${flow.id}/bpmn`);
  const other = await page.request.put(`/api/flows/${flow.id}/bpmn`, {
    headers: { 'Content-Type': 'application/xml', 'If-Match': head.headers()['etag'] ?? '"1"' },
    data: await head.text(),
  });
  expect(other.status()).toBe(200);

  await addTask(page, flow.region.laneId, 'Min osparade uppgift');
  await page.getByRole('toolbar').getByRole('button', { name: 'Spara' }).click();
  await expect(status(page)).toContainText('Någon annan har sparat version 2', SAVE_WAIT);
  await expect(page.locator('text', { hasText: 'Min osparade uppgift' }).first()).toBeVisible();

  await page.getByRole('button', { name: 'Spara ändå som ny version' }).click();
  await expect(status(page)).toHaveText('Alla ändringar sparade (version 3)', SAVE_WAIT);
  expect(await (await page.request.get(`/api/flows/${flow.id}/bpmn`)).text()).toContain('Min osparade uppgift');
  await viewerRequest.dispose();
});

test('downloads BPMN, SVG and PNG of the diagram', async ({ page, playwright, baseURL }) => {
  const viewerRequest = await playwright.request.newContext({ baseURL, storageState: storageStateFor('viewer') });
  const flow = await createSharedFlow(page, viewerRequest);
  await openEditor(page, flow);
  await addTask(page, flow.kommun.laneId, 'Exporterad uppgift');

  const download = async (name: string) => {
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
    return file;
  };
  const bpmn = await download('Ladda ner BPMN');
  expect(bpmn.suggestedFilename()).toMatch(/^E2E-redigering-.*\.bpmn$/);
  expect((await downloadedText(bpmn)).toString('utf8')).toContain('Exporterad uppgift');

  const svg = await download('Ladda ner SVG');
  expect(svg.suggestedFilename()).toMatch(/\.svg$/);
  expect((await downloadedText(svg)).toString('utf8').trimStart()).toMatch(/^(<\?xml|<svg)/);

  const png = await download('Ladda ner PNG');
  expect(png.suggestedFilename()).toMatch(/\.png$/);
  const bytes = await downloadedText(png);
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  await viewerRequest.dispose();
});

test('the bpmn.io watermark stays visible and is not covered by our controls', async ({ page, playwright, baseURL }) => {
  const viewerRequest = await playwright.request.newContext({ baseURL, storageState: storageStateFor('viewer') });
  const flow = await createSharedFlow(page, viewerRequest);
  await openEditor(page, flow);
  const watermark = page.locator('.bjs-powered-by');
  await expect(watermark).toBeVisible();
  const onTop = await watermark.evaluate((link) => {
    const box = link.getBoundingClientRect();
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return hit !== null && (hit === link || link.contains(hit));
  });
  expect(onTop).toBe(true);
  await viewerRequest.dispose();
});

test.describe('as a viewer', () => {
  test.use({ storageState: storageStateFor('viewer') });

  test('sees the read-only viewer without save controls', async ({ page, playwright, baseURL }) => {
    const editorRequest = await playwright.request.newContext({ baseURL, storageState: storageStateFor('kommun.editor') });
    const editorPage = { request: editorRequest } as unknown as Page;
    const flow = await createSharedFlow(editorPage, page.request);
    await page.goto(`/flows/${flow.id}`);
    await expect(page.getByRole('region', { name: `Flödesdiagram, endast läsning: ${flow.name}` })).toBeVisible();
    await expect(page.locator(`[data-element-id="${flow.region.laneId}"]`)).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole('button', { name: 'Spara' })).toHaveCount(0);
    await expect(page.getByLabel('Beskriv ändringen (valfritt)')).toHaveCount(0);
    await expect(page.locator('.djs-palette')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Ladda ner BPMN' })).toBeVisible();
    await expect(page.locator('.bjs-powered-by')).toBeVisible();
    await editorRequest.dispose();
  });
});

test('adds a lane for a role from the catalogue, linked to the role through save and reload', async ({ page, playwright, baseURL }) => {
  const viewerRequest = await playwright.request.newContext({ baseURL, storageState: storageStateFor('viewer') });
  const flow = await createSharedFlow(page, viewerRequest);
  await openEditor(page, flow);

  await page.getByRole('button', { name: 'Lägg till roll (simbana)' }).click();
  const dialog = page.getByRole('dialog', { name: 'Lägg till en roll som simbana' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Pool').selectOption({ label: 'Regionen' });
  const role = dialog.getByLabel('Roll');
  const roleName = (await role.locator('option').first().textContent())!.trim();
  const roleId = await role.locator('option').first().getAttribute('value');
  // The fixture audits whole pages; the open modal dialog needs its own look.
  const audit = await new AxeBuilder({ page }).include('dialog').withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
  expect(audit.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  // Roles that already have a lane in the pool are not offered again.
  await expect(role.locator('option', { hasText: flow.region.laneName })).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Lägg till simbana' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: `Simbanan ”${roleName}” har lagts till.` })).toBeVisible();

  await page.keyboard.press('Control+s');
  await expect(status(page)).toHaveText(/Alla ändringar sparade \(version 2\)/, SAVE_WAIT);
  const xml = await (await page.request.get(`/api/flows/${flow.id}/bpmn`)).text();
  const lane = new RegExp(`<bpmn:lane id="([^"]+)" name="${roleName}" stafett:roleId="${roleId}"`).exec(xml);
  expect(lane, `a lane "${roleName}" linked to role ${roleId}`).not.toBeNull();

  await page.reload();
  await expect(page.locator(`g.djs-shape[data-element-id="${lane![1]}"]`)).toBeVisible({ timeout: 30_000 });
  await viewerRequest.dispose();
});

test('after a stale save, "Ladda senaste" asks first, then shows the newest version', async ({ page, playwright, baseURL }) => {
  const viewerRequest = await playwright.request.newContext({ baseURL, storageState: storageStateFor('viewer') });
  const flow = await createSharedFlow(page, viewerRequest);
  await openEditor(page, flow);
  const head = await page.request.get(`/api/flows/${flow.id}/bpmn`);
  await page.request.put(`/api/flows/${flow.id}/bpmn`, {
    headers: { 'Content-Type': 'application/xml', 'If-Match': '"1"', 'X-Revision-Message': encodeURIComponent('Från någon annan') },
    data: await head.text(), // the same diagram, saved again: enough to move the head to version 2
  });

  const mine = await addTask(page, flow.kommun.laneId, 'Kastas bort');
  await page.getByRole('toolbar').getByRole('button', { name: 'Spara' }).click();
  await expect(status(page)).toContainText('Någon annan har sparat version 2', SAVE_WAIT);

  const asked: string[] = [];
  page.once('dialog', (d) => {
    asked.push(d.message());
    void d.accept();
  });
  await page.getByRole('button', { name: 'Ladda senaste' }).click();
  await expect(status(page)).toHaveText('Alla ändringar sparade (version 2)', SAVE_WAIT);
  expect(asked[0]).toContain('osparade ändringar');
  await expect(page.locator(`g.djs-shape[data-element-id="${mine}"]`)).toHaveCount(0);
  await viewerRequest.dispose();
});

test('a failed save keeps the drawing and says why; the next save goes through', async ({ page, playwright, baseURL }) => {
  const viewerRequest = await playwright.request.newContext({ baseURL, storageState: storageStateFor('viewer') });
  const flow = await createSharedFlow(page, viewerRequest);
  await openEditor(page, flow);
  const saveUrl = `**/api/flows/${flow.id}/bpmn`;
  const save = page.getByRole('toolbar').getByRole('button', { name: 'Spara' });

  await page.route(saveUrl, (route) => (route.request().method() === 'PUT' ? route.abort('internetdisconnected') : route.fallback()));
  const task = await addTask(page, flow.region.laneId, 'Sparas senare');
  await save.click();
  await expect(status(page)).toHaveText(/Kunde inte nå servern/, SAVE_WAIT);
  await expect(page.locator(`g.djs-shape[data-element-id="${task}"]`)).toBeVisible();

  await page.unroute(saveUrl);
  await page.route(saveUrl, (route) =>
    route.request().method() === 'PUT'
      ? route.fulfill({ status: 400, json: { error: { code: 'INVALID', message: 'Diagrammet pekar på något som saknas.' } } })
      : route.fallback(),
  );
  await save.click();
  await expect(status(page)).toContainText('Diagrammet pekar på något som saknas.', SAVE_WAIT);
  await expect(page.locator(`g.djs-shape[data-element-id="${task}"]`)).toBeVisible();

  await page.unroute(saveUrl);
  await save.click();
  await expect(status(page)).toHaveText('Alla ändringar sparade (version 2)', SAVE_WAIT);
  expect(await (await page.request.get(`/api/flows/${flow.id}/bpmn`)).text()).toContain('Sparas senare');
  await viewerRequest.dispose();
});
