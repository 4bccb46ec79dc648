import { readFile } from 'node:fs/promises';
import type { APIRequestContext, Download, Page } from '@playwright/test';
import { expectSignedIn, signInThroughForm, type TestAccount } from './auth-helpers';
import { expect } from './fixtures';
import { addMember, createMember, organisationIdByName } from './organisation-helpers';

// Helpers of the editor journey (e2e/editor.spec.ts): a shared flow made through the API, and drawing on
// the bpmn-js canvas the way a user does (palette, clicks, the context pad).

export type Pool = { participantId: string; laneId: string; laneName: string };
export type SharedFlow = { id: string; name: string; kommun: Pool; region: Pool };

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

/** As the editor (`editorRequest`), a new flow with both organisations and two roles of each. */
export async function createSharedFlow(editorRequest: APIRequestContext, viewerRequest: APIRequestContext): Promise<SharedFlow> {
  const orgs = await lookUpOrganisations(viewerRequest);
  const name = `E2E redigering ${Date.now()}-${Math.random().toString(36).slice(2, 7)}`;
  const created = await editorRequest.post('/api/flows', {
    data: {
      name,
      category: 'CORE',
      organisations: [orgs.kommun.id, orgs.region.id],
      roles: { [orgs.kommun.id]: orgs.kommun.roleIds, [orgs.region.id]: orgs.region.roleIds },
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const xml = await (await editorRequest.get(`/api/flows/${id}/bpmn`)).text();
  return { id, name, kommun: firstLaneOf(xml, orgs.kommun.id), region: firstLaneOf(xml, orgs.region.id) };
}

export async function openEditor(page: Page, flow: SharedFlow) {
  await page.goto(`/flows/${flow.id}`);
  await expect(page.getByRole('application', { name: `Flödesdiagram: ${flow.name}` })).toBeVisible();
  await expect(page.locator(`[data-element-id="${flow.kommun.laneId}"]`)).toBeVisible({ timeout: 30_000 });
}

/**
 * Palette "Uppgift", a click inside the lane, the name typed into the label editor (Enter ends it).
 * Returns the new task's id: bpmn-js leaves a newly created element selected.
 */
export async function addTask(page: Page, laneId: string, name: string, xShare = 0.4): Promise<string> {
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
export async function connect(page: Page, sourceId: string, targetId: string) {
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

export async function downloadedText(download: Download): Promise<Buffer> {
  const file = await download.path();
  if (!file) throw new Error('The download has no file');
  return readFile(file);
}

// Saves go through the real server, which can be slow on a busy shared machine: wait generously.
export const SAVE_WAIT = { timeout: 45_000 };
export const status = (page: Page) => page.getByRole('status').filter({ hasText: /sparade|Sparar|Offline|version|spara|Öppnar/ });

/**
 * A fresh account that is editor in both Kommunen and Regionen, signed in on `page`: someone who may
 * change both pools (each organisation otherwise edits only its own). Its own account, so no other
 * test's sessions are touched.
 */
export async function signInAsEditorOfBoth(page: Page): Promise<TestAccount> {
  const kommun = await organisationIdByName('Kommunen');
  const region = await organisationIdByName('Regionen');
  const account = await createMember('both', kommun, 'EDITOR');
  await addMember(account.id, region, 'EDITOR');
  await page.goto('/signin');
  await signInThroughForm(page, account.email, account.password);
  await expectSignedIn(page);
  return account;
}
