import AxeBuilder from '@axe-core/playwright';
import { addTask, connect, createSharedFlow, downloadedText, openEditor, SAVE_WAIT, status } from './editor-canvas';
import { expect, storageStateFor, test } from './fixtures';

// The editor journey: a shared flow for Kommunen and Regionen, drawn in the browser with bpmn-js,
// saved (button and autosave), reloaded, exported; a stale save; the read-only viewer.

test.use({ storageState: storageStateFor('kommun.editor') });
// The first visit compiles the editor page on the dev server and loads bpmn-js: allow for it.
test.describe.configure({ timeout: 120_000 });

test('draws tasks in both pools and a message flow, saves, and finds them after a reload', async ({ page, playwright, baseURL }) => {
  const viewerRequest = await playwright.request.newContext({ baseURL, storageState: storageStateFor('viewer') });
  const flow = await createSharedFlow(page.request, viewerRequest);
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
  const flow = await createSharedFlow(page.request, viewerRequest);
  await openEditor(page, flow);
  await addTask(page, flow.kommun.laneId, 'Autosparad uppgift');
  await expect(status(page)).toHaveText('Osparade ändringar');
  await expect(status(page)).toHaveText('Alla ändringar sparade (version 2)', SAVE_WAIT);
  expect(await (await page.request.get(`/api/flows/${flow.id}/bpmn`)).text()).toContain('Autosparad uppgift');
  await viewerRequest.dispose();
});

test('a stale save says someone else saved, keeps the drawing, and can still win as a new version', async ({ page, playwright, baseURL }) => {
  const viewerRequest = await playwright.request.newContext({ baseURL, storageState: storageStateFor('viewer') });
  const flow = await createSharedFlow(page.request, viewerRequest);
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
  const flow = await createSharedFlow(page.request, viewerRequest);
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
  const flow = await createSharedFlow(page.request, viewerRequest);
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
  const flow = await createSharedFlow(page.request, viewerRequest);
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
  const flow = await createSharedFlow(page.request, viewerRequest);
  await openEditor(page, flow);
  const saveUrl = `**/api/flows/${flow.id}/bpmn`;
  const save = page.getByRole('toolbar').getByRole('button', { name: 'Spara' });
  const refusedInEnglish = 'The diagram refers to elements that do not exist: "Ghost_1".';

  await page.route(saveUrl, (route) => (route.request().method() === 'PUT' ? route.abort('internetdisconnected') : route.fallback()));
  const task = await addTask(page, flow.region.laneId, 'Sparas senare');
  await save.click();
  await expect(status(page)).toHaveText(/Kunde inte nå servern/, SAVE_WAIT);
  await expect(page.locator(`g.djs-shape[data-element-id="${task}"]`)).toBeVisible();

  await page.unroute(saveUrl);
  await page.route(saveUrl, (route) =>
    route.request().method() === 'PUT'
      ? route.fulfill({ status: 400, json: { error: { code: 'INVALID', message: refusedInEnglish, reason: 'DANGLING_REFERENCE', elementIds: ['Ghost_1'] } } })
      : route.fallback(),
  );
  await save.click();
  // Said in the UI language by its reason; the English message is for API clients.
  await expect(status(page)).toContainText('Kunde inte spara: Diagrammet hänvisar till ett element som inte finns: ”Ghost_1”.', SAVE_WAIT);
  await expect(status(page)).not.toContainText(refusedInEnglish);
  await expect(page.locator(`g.djs-shape[data-element-id="${task}"]`)).toBeVisible();

  await page.unroute(saveUrl);
  await save.click();
  await expect(status(page)).toHaveText('Alla ändringar sparade (version 2)', SAVE_WAIT);
  expect(await (await page.request.get(`/api/flows/${flow.id}/bpmn`)).text()).toContain('Sparas senare');
  await viewerRequest.dispose();
});
