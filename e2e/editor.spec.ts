import AxeBuilder from '@axe-core/playwright';
import { addTask, connect, createSharedFlow, downloadedText, openEditor, SAVE_WAIT, signInAsEditorOfBoth, status } from './editor-canvas';
import { expect, storageStateFor, test } from './fixtures';

// The editor journey: a shared flow for Kommunen and Regionen, drawn in the browser with bpmn-js,
// every edit committed on its own, a named version, reloaded, exported; offline edits; the read-only viewer.

test.use({ storageState: storageStateFor('kommun.editor') });
// The first visit compiles the editor page on the dev server and loads bpmn-js: allow for it.
test.describe.configure({ timeout: 120_000 });

test.describe('as an editor of both organisations', () => {
  test.use({ storageState: { cookies: [], origins: [] } });

test('draws tasks in both pools and a message flow, each edit saved on its own, and finds them after a reload', async ({ page, playwright, baseURL }) => {
  await signInAsEditorOfBoth(page);
  const viewerRequest = await playwright.request.newContext({ baseURL, storageState: storageStateFor('viewer') });
  const flow = await createSharedFlow(page.request, viewerRequest);
  await openEditor(page, flow);

  const kommunTask = await addTask(page, flow.kommun.laneId, 'Planera hemgång');
  const regionTask = await addTask(page, flow.region.laneId, 'Skicka meddelande');
  await connect(page, regionTask, kommunTask);

  // Nothing to press: every command is committed on its own.
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
});

test('commits each edit on its own, with no button to press', async ({ page, playwright, baseURL }) => {
  const viewerRequest = await playwright.request.newContext({ baseURL, storageState: storageStateFor('viewer') });
  const flow = await createSharedFlow(page.request, viewerRequest);
  await openEditor(page, flow);
  await expect(status(page)).toHaveText('Alla ändringar sparade (version 1)', SAVE_WAIT);
  await addTask(page, flow.kommun.laneId, 'Autosparad uppgift');
  await expect(status(page)).toHaveText(/Alla ändringar sparade \(version [2-9]\)/, SAVE_WAIT);
  expect(await (await page.request.get(`/api/flows/${flow.id}/bpmn`)).text()).toContain('Autosparad uppgift');
  await expect(page.getByRole('button', { name: 'Spara', exact: true })).toHaveCount(0);
  await viewerRequest.dispose();
});

test('names a version: it is a checkpoint in the history with its name', async ({ page, playwright, baseURL }) => {
  const viewerRequest = await playwright.request.newContext({ baseURL, storageState: storageStateFor('viewer') });
  const flow = await createSharedFlow(page.request, viewerRequest);
  await openEditor(page, flow);
  await addTask(page, flow.kommun.laneId, 'Inför workshopen');
  await page.getByLabel('Namn på versionen (till historiken)').fill('Efter workshop 1');
  await page.getByRole('button', { name: 'Namnge version' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Versionen heter nu ”Efter workshop 1”' })).toBeVisible(SAVE_WAIT);
  const revisions = (await (await page.request.get(`/api/flows/${flow.id}/revisions`)).json()) as { revisions: { version: number; message: string | null }[] };
  expect(revisions.revisions[0]).toMatchObject({ message: 'Efter workshop 1' });
  const named = await (await page.request.get(`/api/flows/${flow.id}/bpmn?version=${revisions.revisions[0]!.version}`)).text();
  expect(named).toContain('Inför workshopen');
  await viewerRequest.dispose();
});

test('the bpmn.io watermark stays visible and is not covered by our controls', async ({ page, playwright, baseURL }) => {
  const viewerRequest = await playwright.request.newContext({ baseURL, storageState: storageStateFor('viewer') });
  const flow = await createSharedFlow(page.request, viewerRequest);
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
    const flow = await createSharedFlow(editorRequest, page.request);
    await page.goto(`/flows/${flow.id}`);
    await expect(page.getByRole('region', { name: `Flödesdiagram, endast läsning: ${flow.name}` })).toBeVisible();
    await expect(page.locator(`[data-element-id="${flow.region.laneId}"]`)).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole('button', { name: 'Namnge version' })).toHaveCount(0);
    await expect(page.getByLabel('Namn på versionen (till historiken)')).toHaveCount(0);
    await expect(page.locator('.djs-palette')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Ladda ner BPMN' })).toBeVisible();
    await expect(page.locator('.bjs-powered-by')).toBeVisible();
    await editorRequest.dispose();
  });
});

test('adds a lane for a role from the catalogue, linked to the role through save and reload', async ({ page, playwright, baseURL }) => {
  const viewerRequest = await playwright.request.newContext({ baseURL, storageState: storageStateFor('viewer') });
  const flow = await createSharedFlow(page.request, viewerRequest);
  await openEditor(page, flow);

  await page.getByRole('button', { name: 'Lägg till roll (simbana)' }).click();
  const dialog = page.getByRole('dialog', { name: 'Lägg till en roll som simbana' });
  await expect(dialog).toBeVisible();
  // Only the user's own pools are offered: a kommun editor adds lanes to Kommunen.
  await expect(dialog.getByLabel('Pool').locator('option', { hasText: 'Regionen' })).toHaveCount(0);
  await dialog.getByLabel('Pool').selectOption({ label: 'Kommunen' });
  const role = dialog.getByLabel('Roll');
  const roleName = (await role.locator('option').first().textContent())!.trim();
  const roleId = await role.locator('option').first().getAttribute('value');
  // The fixture audits whole pages; the open modal dialog needs its own look.
  const audit = await new AxeBuilder({ page }).include('dialog').withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
  expect(audit.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  // Roles that already have a lane in the pool are not offered again.
  await expect(role.locator('option', { hasText: flow.kommun.laneName })).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Lägg till simbana' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: `Simbanan ”${roleName}” har lagts till.` })).toBeVisible();

  await page.keyboard.press('Control+s');
  await expect(page.getByRole('status').filter({ hasText: 'Allt är sparat.' })).toBeVisible(SAVE_WAIT);
  await expect(status(page)).toHaveText(/Alla ändringar sparade \(version [2-9]\)/, SAVE_WAIT);
  const xml = await (await page.request.get(`/api/flows/${flow.id}/bpmn`)).text();
  const lane = new RegExp(`<bpmn:lane id="([^"]+)" name="${roleName}" stafett:roleId="${roleId}"`).exec(xml);
  expect(lane, `a lane "${roleName}" linked to role ${roleId}`).not.toBeNull();

  await page.reload();
  await expect(page.locator(`g.djs-shape[data-element-id="${lane![1]}"]`)).toBeVisible({ timeout: 30_000 });
  await viewerRequest.dispose();
});

test('offline, edits wait in the browser, survive a reload, and are committed once when the server is back', async ({ page, playwright, baseURL }) => {
  const viewerRequest = await playwright.request.newContext({ baseURL, storageState: storageStateFor('viewer') });
  const flow = await createSharedFlow(page.request, viewerRequest);
  await openEditor(page, flow);
  const changesUrl = `**/api/flows/${flow.id}/changes`;
  const cutOff = (route: import('@playwright/test').Route) => (route.request().method() === 'POST' ? route.abort('internetdisconnected') : route.fallback());
  await page.route(changesUrl, cutOff);
  const task = await addTask(page, flow.kommun.laneId, 'Sparas senare');
  // Creating the task and typing its name are two commands: two changes wait.
  await expect(status(page)).toHaveText(/Offline: 2 ändringar väntar/, SAVE_WAIT);
  await expect(page.locator(`g.djs-shape[data-element-id="${task}"]`)).toBeVisible();

  // A reload while the server is still out of reach: the edit is still there, still waiting.
  await page.reload();
  await expect(page.locator(`g.djs-shape[data-element-id="${task}"]`)).toBeVisible({ timeout: 30_000 });
  await expect(page.locator(`g.djs-shape[data-element-id="${task}"] text`)).toContainText('Sparas');
  await expect(status(page)).toHaveText(/Offline: 2 ändringar väntar/, SAVE_WAIT);

  await page.unroute(changesUrl);
  await expect(status(page)).toHaveText(/Alla ändringar sparade \(version \d+\)/, SAVE_WAIT);
  const xml = await (await page.request.get(`/api/flows/${flow.id}/bpmn`)).text();
  expect(xml.match(/name="Sparas senare"/g)).toHaveLength(1);
  const log = (await (await page.request.get(`/api/flows/${flow.id}/changes?after=1`)).json()) as { changes: { ops: { id: string }[] }[] };
  // Created once and named once: the batches sent before and after the reload went in exactly once.
  expect(log.changes.filter((c) => c.ops.some((o) => o.id === task))).toHaveLength(2);
  await viewerRequest.dispose();
});
