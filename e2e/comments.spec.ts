import type { APIRequestContext, Browser, BrowserContext, Page } from '@playwright/test';
import { createSharedFlow, openEditor, SAVE_WAIT, status, type SharedFlow } from './editor-canvas';
import { expect, storageStateFor, test, type DemoUser } from './fixtures';

// Comments and suggestions across the organisation border (issue 14), as people on their own screens:
// each user in their own browser context (headless Chromium throttles a page not in front).

test.describe.configure({ timeout: 120_000 });
test.use({ storageState: storageStateFor('kommun.editor') });

const TASK = 'Task_Kommun';

type Screen = { context: BrowserContext; page: Page };

async function screenOf(browser: Browser, user: DemoUser, flow: SharedFlow, viewport = { width: 1280, height: 720 }): Promise<Screen> {
  const context = await browser.newContext({ storageState: storageStateFor(user), locale: 'sv-SE', viewport });
  const page = await context.newPage();
  await openEditor(page, flow);
  await expect(status(page)).toHaveText(/Alla ändringar sparade/, SAVE_WAIT);
  return { context, page };
}

/** A shared flow with one task in the kommun's pool, made through the API by the kommun editor. */
async function flowWithKommunTask(request: APIRequestContext, viewer: APIRequestContext): Promise<SharedFlow> {
  const flow = await createSharedFlow(request, viewer);
  const head = await request.get(`/api/flows/${flow.id}/bpmn`);
  const xml = await head.text();
  const version = Number((head.headers()['etag'] ?? '').replace(/\D/g, ''));
  const processId = new RegExp(`<bpmn:participant id="${flow.kommun.participantId}"[^>]*processRef="([^"]+)"`).exec(xml)?.[1] ?? '';
  const laneY = Number(new RegExp(`bpmnElement="${flow.kommun.laneId}"[^>]*>\\s*<dc:Bounds x="[^"]+" y="([\\d.]+)"`).exec(xml)?.[1] ?? 0) + 20;
  const doc = xml
    .replace(new RegExp(`(<bpmn:lane id="${flow.kommun.laneId}"[^>]*>)`), `$1<bpmn:flowNodeRef>${TASK}</bpmn:flowNodeRef>`)
    .replace(new RegExp(`(<bpmn:process id="${processId}"[^>]*>)`), `$1<bpmn:task id="${TASK}" name="Planera hemgång" />`)
    .replace('</bpmndi:BPMNPlane>', `<bpmndi:BPMNShape id="${TASK}_di" bpmnElement="${TASK}"><dc:Bounds x="400" y="${laneY}" width="100" height="80" /></bpmndi:BPMNShape></bpmndi:BPMNPlane>`);
  const res = await request.put(`/api/flows/${flow.id}/bpmn`, { headers: { 'Content-Type': 'application/xml', 'If-Match': `"${version}"` }, data: doc });
  expect(res.status(), await res.text()).toBe(200);
  return flow;
}

async function viewerRequest(playwright: import('@playwright/test').PlaywrightWorkerArgs['playwright'], baseURL: string | undefined) {
  return playwright.request.newContext({ baseURL, storageState: storageStateFor('viewer') });
}

const comments = (page: Page) => page.getByRole('region', { name: 'Kommentarer och förslag' });
const badge = (page: Page, elementId: string) => page.locator(`.stafett-comment-badge[data-element-id="${elementId}"]`);
const nameOn = (page: Page, id: string) => page.locator(`[data-element-id="${id}"] text`).first();

async function select(page: Page, elementId: string) {
  await page.bringToFront();
  const box = (await page.locator(`[data-element-id="${elementId}"]`).first().boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + 10);
}

test('a region editor suggests a new name for a kommun task; the kommun editor sees the badge live, accepts, and the task is renamed', async ({ browser, request, playwright, baseURL }) => {
  const flow = await flowWithKommunTask(request, await viewerRequest(playwright, baseURL));
  const kommun = await screenOf(browser, 'kommun.editor', flow);
  const region = await screenOf(browser, 'region.editor', flow);

  // The region editor cannot change the kommun's task: the comment box offers a suggestion to the kommun.
  await select(region.page, TASK);
  const compose = comments(region.page).getByRole('form', { name: 'Skriv en kommentar' });
  await expect(compose.getByLabel('Markerat: Planera hemgång')).toBeChecked();
  await compose.getByLabel('Gör det till ett förslag till Kommunen').check();
  await compose.getByLabel('Föreslaget nytt namn (valfritt)').fill('Planera trygg hemgång');
  await compose.getByLabel('Kommentar', { exact: true }).fill('Kommunen kallar det trygg hemgång i sina rutiner.');
  await compose.getByRole('button', { name: 'Skicka' }).click();
  await expect(compose.getByRole('status')).toHaveText('Kommentaren är skickad.');
  await expect(badge(region.page, TASK)).toHaveText('1');

  // On the kommun editor's open screen, without a reload.
  await kommun.page.bringToFront();
  await expect(badge(kommun.page, TASK)).toHaveText('1');
  const thread = comments(kommun.page).getByRole('article').filter({ hasText: 'Kommunen kallar det trygg hemgång' });
  await expect(thread).toContainText('Förslag till Kommunen');
  await expect(thread).toContainText('Föreslaget namn: Planera trygg hemgång');
  await kommun.page.screenshot({ path: test.info().outputPath('comments-editor-1280.png'), fullPage: true });
  await thread.getByRole('button', { name: 'Godta' }).click();

  // Applied as the kommun editor's own change: on both canvases, in history, and the badge is gone.
  await expect(nameOn(kommun.page, TASK)).toContainText('trygg');
  await region.page.bringToFront();
  await expect(nameOn(region.page, TASK)).toContainText('trygg');
  await expect(badge(region.page, TASK)).toHaveCount(0);
  const revisions = await (await request.get(`/api/flows/${flow.id}/revisions`)).text();
  expect(revisions).toContain('Planera trygg hemgång');
  const list = (await (await request.get(`/api/flows/${flow.id}/comments`)).json()) as { comments: { status: string; appliedVersion: number }[] };
  expect(list.comments[0]).toMatchObject({ status: 'accepted', appliedVersion: expect.any(Number) });
  await kommun.page.goto(`/flows/${flow.id}/history`);
  await expect(kommun.page.getByText(/Förslag från Johan Nilsson accepterat/)).toBeVisible();
  // History links back to the suggestion, shown whatever the list's filter.
  await kommun.page.getByRole('link', { name: 'Visa förslaget' }).click();
  await expect(comments(kommun.page).getByRole('article').filter({ hasText: 'Kommunen kallar det trygg hemgång' })).toContainText('Godtaget');

  // The author is told.
  await region.page.goto('/');
  await expect(region.page.getByRole('region', { name: 'Väntar på dig' })).toContainText(`Ditt förslag i ${flow.name} är godtaget`);
  await Promise.all([kommun.context.close(), region.context.close()]);
});

test('a reply with an @mention shows in the mentioned person’s list, and the header counts it', async ({ browser, request, playwright, baseURL }) => {
  const flow = await flowWithKommunTask(request, await viewerRequest(playwright, baseURL));
  const started = await request.post(`/api/flows/${flow.id}/comments`, { data: { elementId: null, body: 'Vem skickar kallelsen till SIP?' } });
  expect(started.status()).toBe(201);
  const kommun = await screenOf(browser, 'kommun.editor', flow, { width: 390, height: 844 });
  const thread = comments(kommun.page).getByRole('article').filter({ hasText: 'Vem skickar kallelsen' });
  await thread.getByRole('button', { name: 'Svara' }).click();
  await thread.getByLabel('Ditt svar').fill('@Johan Nilsson vet du vem som gör det hos er?');
  await thread.getByRole('button', { name: 'Skicka svar' }).click();
  await expect(thread.getByRole('list', { name: 'Svar' })).toContainText('@Johan Nilsson vet du');
  await kommun.page.screenshot({ path: test.info().outputPath('comments-phone-390.png'), fullPage: true });

  const region = await browser.newContext({ storageState: storageStateFor('region.editor'), locale: 'sv-SE' });
  const home = await region.newPage();
  await home.goto('/');
  const waiting = home.getByRole('region', { name: 'Väntar på dig' });
  const item = waiting.getByRole('listitem').filter({ hasText: `Ahmed Hassan nämnde dig i ${flow.name}` });
  await expect(item).toContainText('vet du vem som gör det hos er?');
  const count = Number(await home.getByTestId('waiting-count').textContent());
  expect(count).toBeGreaterThanOrEqual(1);
  await item.getByRole('button', { name: 'Markera som läst' }).click();
  await expect(waiting.getByRole('listitem').filter({ hasText: `Ahmed Hassan nämnde dig i ${flow.name}` })).toHaveCount(0);
  await expect(home.getByTestId('waiting-count')).toHaveText(String(count - 1));
  await Promise.all([kommun.context.close(), region.close()]);
});

test('markup in a comment is shown as text and never runs, in the list and on the home page', async ({ browser, request, playwright, baseURL }) => {
  const flow = await flowWithKommunTask(request, await viewerRequest(playwright, baseURL));
  const viewer = await browser.newContext({ storageState: storageStateFor('viewer'), locale: 'sv-SE', viewport: { width: 1280, height: 720 } });
  const page = await viewer.newPage();
  await page.goto(`/flows/${flow.id}`);
  await expect(page.locator(`[data-element-id="${TASK}"]`)).toBeVisible({ timeout: 30_000 });
  const markup = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script> @Ahmed Hassan';
  const compose = comments(page).getByRole('form', { name: 'Skriv en kommentar' });
  await compose.getByLabel('Hela flödet').check();
  await compose.getByLabel('Kommentar', { exact: true }).fill(markup);
  await compose.getByRole('button', { name: 'Skicka' }).click();
  const thread = comments(page).getByRole('article').filter({ hasText: '<img src=x' });
  await expect(thread).toContainText(markup);
  expect(await comments(page).locator('img, script').count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  await page.screenshot({ path: test.info().outputPath('comments-viewer-1280.png'), fullPage: true });

  // The mentioned kommun editor sees it as text on the home page too.
  const kommun = await browser.newContext({ storageState: storageStateFor('kommun.editor'), locale: 'sv-SE' });
  const home = await kommun.newPage();
  await home.goto('/');
  const item = home.getByRole('region', { name: 'Väntar på dig' }).getByRole('listitem').filter({ hasText: flow.name });
  await expect(item.first()).toContainText('<img src=x onerror=');
  expect(await home.locator('#waiting ~ * img, main img').count()).toBe(0);
  expect(await home.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  await Promise.all([viewer.close(), kommun.close()]);
});

test('open threads show as badges in present mode too, live, for people signed in', async ({ page, request, playwright, baseURL }) => {
  const flow = await flowWithKommunTask(request, await viewerRequest(playwright, baseURL));
  await page.goto(`/flows/${flow.id}/present`);
  await expect(page.locator(`[data-element-id="${TASK}"]`).first()).toBeVisible();
  await expect(badge(page, TASK)).toHaveCount(0);
  const res = await request.post(`/api/flows/${flow.id}/comments`, { data: { elementId: TASK, body: 'Vem ringer brukaren?', kind: 'comment' } });
  expect(res.status(), await res.text()).toBe(201);
  await expect(badge(page, TASK)).toHaveText('1', SAVE_WAIT);
});
