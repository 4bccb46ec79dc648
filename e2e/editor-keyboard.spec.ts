import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { createSharedFlow, openEditor, SAVE_WAIT, signInAsEditorOfBoth, status } from './editor-canvas';
import { expect, storageStateFor, test } from './fixtures';

// WCAG 2.1.1 Keyboard: steps and handovers can be added to a flow without a pointer, through the
// toolbar's dialogs. Every input below is a key press; locators only find where focus should go.

// Each organisation edits its own pool: these journeys add steps to both, so they run as someone who
// is editor in both (e2e/live-coediting.spec.ts shows what a one-sided editor is offered).
test.use({ storageState: { cookies: [], origins: [] } });
test.describe.configure({ timeout: 120_000 });
test.beforeEach(async ({ page }) => {
  await signInAsEditorOfBoth(page);
});

/** Arrow keys through a focused <select> (Chromium changes the value without opening it) to `label`. */
async function chooseOption(select: Locator, label: string) {
  await select.focus();
  await select.press('Home');
  const count = await select.locator('option').count();
  for (let i = 0; i < count; i++) {
    if ((await select.evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent?.trim())) === label) return;
    await select.press('ArrowDown');
  }
  throw new Error(`No option "${label}"; options: ${(await select.locator('option').allTextContents()).join(' | ')}`);
}

async function auditDialog(page: Page) {
  // The fixture audits whole pages; an open modal dialog needs its own look.
  const audit = await new AxeBuilder({ page }).include('dialog[open]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(audit.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
}

async function openDialog(page: Page, button: string, title: string) {
  const opener = page.getByRole('toolbar').getByRole('button', { name: button });
  await opener.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: title });
  await expect(dialog).toBeVisible();
  return { opener, dialog };
}

async function addStepByKeyboard(page: Page, place: string, name: string, after?: string) {
  const { opener, dialog } = await openDialog(page, 'Lägg till steg', 'Lägg till steg');
  await expect(dialog.getByLabel('Simbana')).toBeFocused();
  await chooseOption(dialog.getByLabel('Simbana'), place);
  await page.keyboard.press('Tab');
  await expect(dialog.getByLabel('Typ')).toBeFocused();
  await expect(dialog.getByLabel('Typ')).toHaveValue('bpmn:Task');
  if (after) await chooseOption(dialog.getByLabel('Efter (valfritt)'), after);
  await auditDialog(page);
  await dialog.getByLabel('Namn').focus();
  await page.keyboard.type(name);
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();
  await expect(page.getByRole('status').filter({ hasText: `Steget ”${name}” har lagts till i ${place}` })).toBeVisible();
  await expect(page.locator('g.djs-shape.selected text')).toContainText(name.split(' ')[0]!);
}

test('adds two steps and a handover between them with the keyboard only, and saves them', async ({ page, playwright, baseURL }) => {
  const viewerRequest = await playwright.request.newContext({ baseURL, storageState: storageStateFor('viewer') });
  const flow = await createSharedFlow(page.request, viewerRequest);
  await openEditor(page, flow);
  const regionPlace = `Regionen – ${flow.region.laneName}`;
  const kommunPlace = `Kommunen – ${flow.kommun.laneName}`;

  // Escape closes a dialog and gives focus back to its button.
  const { opener, dialog } = await openDialog(page, 'Lägg till steg', 'Lägg till steg');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();

  await addStepByKeyboard(page, regionPlace, 'Bedöm behov');
  await addStepByKeyboard(page, kommunPlace, 'Planera insatser');
  await addStepByKeyboard(page, kommunPlace, 'Följ upp', 'Planera insatser');

  const handover = await openDialog(page, 'Lägg till överlämning', 'Lägg till överlämning');
  await chooseOption(handover.dialog.getByLabel('Från'), 'Regionen – Bedöm behov');
  // Only receivers in another pool are offered.
  await expect(handover.dialog.getByLabel('Till').locator('option', { hasText: 'Regionen' })).toHaveCount(0);
  await chooseOption(handover.dialog.getByLabel('Till'), 'Kommunen – Planera insatser');
  await auditDialog(page);
  await handover.dialog.getByLabel('Namn').focus();
  await page.keyboard.type('Inskrivningsmeddelande');
  await page.keyboard.press('Enter');
  await expect(handover.dialog).toBeHidden();
  await expect(handover.opener).toBeFocused();
  await expect(page.getByRole('status').filter({ hasText: 'Överlämningen ”Inskrivningsmeddelande” har lagts till' })).toBeVisible();

  await page.keyboard.press('Control+s');
  await expect(status(page)).toHaveText(/Alla ändringar sparade \(version \d+\)/, SAVE_WAIT);

  const xml = await (await page.request.get(`/api/flows/${flow.id}/bpmn`)).text();
  const idOf = (name: string) => new RegExp(`<bpmn:task id="([^"]+)" name="${name}"`).exec(xml)?.[1];
  const [assess, plan, followUp] = [idOf('Bedöm behov'), idOf('Planera insatser'), idOf('Följ upp')];
  expect(assess, 'the region task').toBeTruthy();
  expect(plan, 'the kommun task').toBeTruthy();
  expect(followUp, 'the task added after "Planera insatser"').toBeTruthy();
  const messageFlow = /<bpmn:messageFlow id="[^"]+" name="Inskrivningsmeddelande" sourceRef="([^"]+)" targetRef="([^"]+)"/.exec(xml);
  expect(messageFlow?.slice(1)).toEqual([assess, plan]);
  expect(xml).toMatch(new RegExp(`<bpmn:sequenceFlow id="[^"]+" sourceRef="${plan}" targetRef="${followUp}"`));
  // Each step sits in the lane it was added to.
  const laneRefs = (laneId: string) => new RegExp(`<bpmn:lane id="${laneId}"[\\s\\S]*?</bpmn:lane>`).exec(xml)?.[0] ?? '';
  expect(laneRefs(flow.region.laneId)).toContain(`<bpmn:flowNodeRef>${assess}</bpmn:flowNodeRef>`);
  expect(laneRefs(flow.kommun.laneId)).toContain(`<bpmn:flowNodeRef>${plan}</bpmn:flowNodeRef>`);
  expect(laneRefs(flow.kommun.laneId)).toContain(`<bpmn:flowNodeRef>${followUp}</bpmn:flowNodeRef>`);
  await viewerRequest.dispose();
});

test('the handover dialog says why nothing can be connected yet, and Escape leaves it', async ({ page, playwright, baseURL }) => {
  const viewerRequest = await playwright.request.newContext({ baseURL, storageState: storageStateFor('viewer') });
  const flow = await createSharedFlow(page.request, viewerRequest);
  await openEditor(page, flow);
  // A new flow has only a start event, in one pool: no pair of steps across organisations exists.
  const { opener, dialog } = await openDialog(page, 'Lägg till överlämning', 'Lägg till överlämning');
  await expect(dialog.getByText('Det finns inga steg i två olika organisationer')).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Lägg till överlämning' })).toBeDisabled();
  await auditDialog(page);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();
  await viewerRequest.dispose();
});

test('one undo on the canvas takes back a step added from the dialog', async ({ page, playwright, baseURL }) => {
  const viewerRequest = await playwright.request.newContext({ baseURL, storageState: storageStateFor('viewer') });
  const flow = await createSharedFlow(page.request, viewerRequest);
  await openEditor(page, flow);
  await addStepByKeyboard(page, `Regionen – ${flow.region.laneName}`, 'Ångras snart');
  const added = page.locator('g.djs-shape', { hasText: 'Ångras snart' });
  await expect(added).toHaveCount(1);
  // The canvas itself is the focus stop bpmn-js's shortcuts listen on (Tab from the page reaches it).
  await page.getByRole('application').locator('svg[tabindex="0"]').first().focus();
  await page.keyboard.press('Control+z');
  await expect(added).toHaveCount(0);
  await viewerRequest.dispose();
});

test('steps added past the end of a lane grow the pool instead of spilling out of it', async ({ page, playwright, baseURL }) => {
  const viewerRequest = await playwright.request.newContext({ baseURL, storageState: storageStateFor('viewer') });
  const flow = await createSharedFlow(page.request, viewerRequest);
  await openEditor(page, flow);
  const pool = page.locator(`g.djs-shape[data-element-id="${flow.region.participantId}"]`);
  const before = (await pool.boundingBox())!;
  // Steps go right of the lane's right-most step: add until one would have landed past the old edge.
  let last = null;
  for (let i = 1; i <= 12; i++) {
    await addStepByKeyboard(page, `Regionen – ${flow.region.laneName}`, `Steg ${i}`);
    last = (await page.locator('g.djs-shape.selected').boundingBox())!;
    if (last.x + last.width > before.x + before.width - 40) break;
  }
  const after = (await pool.boundingBox())!;
  expect(after.width).toBeGreaterThan(before.width);
  expect(last!.x + last!.width).toBeLessThanOrEqual(after.x + after.width);
  await viewerRequest.dispose();
});

test('a handover from the dialog runs along the pools’ edges, not through the middle of a pool', async ({ page, playwright, baseURL }) => {
  const viewerRequest = await playwright.request.newContext({ baseURL, storageState: storageStateFor('viewer') });
  const flow = await createSharedFlow(page.request, viewerRequest);
  await openEditor(page, flow);
  const regionPlace = `Regionen – ${flow.region.laneName}`;
  const kommunPlace = `Kommunen – ${flow.kommun.laneName}`;
  // The sender stands well right of the receiver, so a straight line is not possible.
  await addStepByKeyboard(page, regionPlace, 'Bedöm');
  await addStepByKeyboard(page, regionPlace, 'Skicka besked', 'Bedöm');
  await addStepByKeyboard(page, kommunPlace, 'Ta emot');

  const handover = await openDialog(page, 'Lägg till överlämning', 'Lägg till överlämning');
  await chooseOption(handover.dialog.getByLabel('Från'), 'Regionen – Skicka besked');
  await chooseOption(handover.dialog.getByLabel('Till'), 'Kommunen – Ta emot');
  await handover.dialog.getByLabel('Namn').fill('Besked');
  await handover.dialog.getByRole('button', { name: 'Lägg till överlämning' }).click();
  await expect(handover.dialog).toBeHidden();
  await page.keyboard.press('Control+s');
  await expect(status(page)).toHaveText(/Alla ändringar sparade \(version \d+\)/, SAVE_WAIT);

  const xml = await (await page.request.get(`/api/flows/${flow.id}/bpmn`)).text();
  const messageFlowId = /<bpmn:messageFlow id="([^"]+)" name="Besked"/.exec(xml)?.[1];
  const edge = new RegExp(`<bpmndi:BPMNEdge [^>]*bpmnElement="${messageFlowId}"[^>]*>([\\s\\S]*?)</bpmndi:BPMNEdge>`).exec(xml)?.[1] ?? '';
  const points = [...edge.matchAll(/<di:waypoint x="([\d.-]+)" y="([\d.-]+)"/g)].map((m) => ({ x: Number(m[1]), y: Number(m[2]) }));
  const poolBox = (participantId: string) => {
    const m = new RegExp(`bpmnElement="${participantId}"[^>]*>\\s*<dc:Bounds x="([\\d.-]+)" y="([\\d.-]+)" width="([\\d.-]+)" height="([\\d.-]+)"`).exec(xml);
    const [x, y, width, height] = m!.slice(1).map(Number) as [number, number, number, number];
    return { top: y, bottom: y + height, left: x, right: x + width };
  };
  const pools = [poolBox(flow.region.participantId), poolBox(flow.kommun.participantId)];
  expect(points.length, edge).toBeGreaterThanOrEqual(2);
  for (let i = 1; i < points.length; i++) {
    const [a, b] = [points[i - 1]!, points[i]!];
    expect(a.x === b.x || a.y === b.y, `segment ${i} is horizontal or vertical`).toBe(true);
    // A horizontal part runs on or between the pools' edges, inside neither pool.
    if (a.y === b.y && a.x !== b.x) {
      for (const pool of pools) expect(a.y <= pool.top || a.y >= pool.bottom, `y ${a.y} outside ${JSON.stringify(pool)}`).toBe(true);
    }
  }
  await viewerRequest.dispose();
});
