import { readFile } from 'node:fs/promises';
import type { APIRequestContext } from '@playwright/test';
import { SAVE_WAIT, status } from './editor-canvas';
import { expect, storageStateFor, test } from './fixtures';

// Responsibility per role (issue 11): the step details panel with the keyboard, the RACI matrix, the
// checks, the role review, the CSV export, the print view, and the viewer's read-only panel. Each test
// works on its own copy of the demo flow (imported through the API), so tests never share a flow.

const DEMO_FLOW = 'Utskrivning från slutenvård';
const TASK = 'Planera kommunens insatser';
const GAP = `”${TASK}” har ingen ytterst ansvarig (A).`;

type Copy = { id: string; name: string };

/** A fresh copy of the demo flow, with its RACI and details, owned by the caller's organisation. */
async function copyDemoFlow(request: APIRequestContext): Promise<Copy> {
  const { flows } = (await (await request.get('/api/flows')).json()) as { flows: { id: string; name: string }[] };
  const demo = flows.find((f) => f.name === DEMO_FLOW);
  if (!demo) throw new Error('The demo flow is missing: is the database seeded?');
  const xml = await (await request.get(`/api/flows/${demo.id}/bpmn`)).text();
  const name = `E2E ansvar ${Date.now()}-${Math.random().toString(36).slice(2, 7)}`;
  const created = await request.post(`/api/flows?name=${encodeURIComponent(name)}`, { headers: { 'content-type': 'application/xml' }, data: xml });
  expect(created.status(), await created.text()).toBe(201);
  return { id: ((await created.json()) as { id: string }).id, name };
}

async function roleId(request: APIRequestContext, organisation: string, role: string): Promise<string> {
  const { organisations } = (await (await request.get('/api/organisations')).json()) as { organisations: { id: string; name: string }[] };
  const org = organisations.find((o) => o.name === organisation)!;
  const detail = (await (await request.get(`/api/organisations/${org.id}`)).json()) as { organisation: { roles: { id: string; name: string }[] } };
  return detail.organisation.roles.find((r) => r.name === role)!.id;
}

test.describe('as a kommun editor', () => {
  test.use({ storageState: storageStateFor('kommun.editor') });

  test('sets Accountable and a touchpoint with the keyboard; the matrix, the checks and the role review follow', async ({ page }) => {
    // Five pages, a save and axe on each: more than the default 30 s on a busy machine.
    test.setTimeout(120_000);
    const flow = await copyDemoFlow(page.request);
    const enhetschef = await roleId(page.request, 'Kommunen', 'Enhetschef hemtjänst');

    // The gap the demo leaves on purpose, and its link into the editor with the element selected.
    await page.goto(`/flows/${flow.id}/raci`);
    const checks = page.getByRole('region', { name: 'Kontroller' });
    await expect(checks.getByText(GAP)).toBeVisible();
    await checks.getByRole('link', { name: `Visa i editorn: ${TASK}` }).click();
    await expect(page).toHaveURL(new RegExp(`/flows/${flow.id}\\?element=Task_PlaneraKommun`));
    const panel = page.getByRole('complementary', { name: 'Stegdetaljer' });
    await expect(panel.getByLabel('Steg att visa')).toHaveValue('Task_PlaneraKommun', { timeout: 30_000 });
    await expect(panel.getByText('har ingen ytterst ansvarig (A)')).toBeVisible();

    // Keyboard only: move focus to the controls and press Space.
    await panel.getByRole('radio', { name: 'Ytterst ansvarig: Enhetschef hemtjänst' }).focus();
    await page.keyboard.press('Space');
    await expect(panel.getByRole('radio', { name: 'Ytterst ansvarig: Enhetschef hemtjänst' })).toBeChecked();
    await panel.getByRole('checkbox', { name: /Kontakt med kunden/ }).focus();
    await page.keyboard.press('Space');
    await expect(panel.getByRole('checkbox', { name: /Kontakt med kunden/ })).toBeChecked();
    await expect(panel.getByText('har ingen ytterst ansvarig (A)')).toHaveCount(0);
    await page.keyboard.press('Control+s');
    // Each edit in the panel is its own commit: the head has moved on by one version per edit.
    await expect(status(page)).toHaveText(/Alla ändringar sparade \(version [2-9]\)/, SAVE_WAIT);

    const api = (await (await page.request.get(`/api/flows/${flow.id}/raci`)).json()) as { activities: { elementId: string; A: string[] }[] };
    expect(api.activities.find((a) => a.elementId === 'Task_PlaneraKommun')!.A).toEqual([enhetschef]);

    await page.goto(`/flows/${flow.id}/raci`);
    await expect(page.getByRole('region', { name: 'Kontroller' }).getByText('Inga luckor i ansvaret hittades.')).toBeVisible();
    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: TASK, exact: true }) });
    await expect(row.getByRole('cell').filter({ hasText: 'Ytterst ansvarig' })).toHaveCount(1);
    await expect(page.getByText('9 kontakter med kunden totalt.')).toBeVisible();

    await page.goto(`/roles/${enhetschef}`);
    const items = page.getByRole('table', { name: 'Aktiviteter och överlämningar där Enhetschef hemtjänst har ett ansvar' });
    await expect(items.getByRole('row').filter({ hasText: flow.name }).filter({ hasText: TASK })).toContainText('Ytterst ansvarig');
  });

  test('exports the matrix as CSV for Excel and prints it on A4 landscape', async ({ page }) => {
    const flow = await copyDemoFlow(page.request);
    await page.goto(`/flows/${flow.id}/raci`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Ladda ner matrisen som CSV (Excel)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/RACI\.csv$/);
    const bytes = await readFile((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    // The copy is the kommun's (it imported it): the owner's roles come first, in lane order.
    expect(lines[0]).toBe(
      'Aktivitet;Organisation;Kommunen: Biståndshandläggare;Kommunen: Kommunens sjuksköterska;Kommunen: Arbetsterapeut;Kommunen: Enhetschef hemtjänst;Kommunen: Fysioterapeut;' +
        'Regionen: Avdelningssjuksköterska;Regionen: Läkare;Regionen: Verksamhetschef primärvård;Regionen: Fast vårdkontakt',
    );
    expect(lines[1]).toBe('Bedöma behov av insatser efter utskrivning;Regionen;;;;;;I;R/A;;');

    // A4 landscape less 10 mm margins is 277 mm, about 1047 CSS pixels.
    await page.setViewportSize({ width: 1047, height: 740 });
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('banner')).toBeHidden();
    await expect(page.getByRole('button', { name: 'Skriv ut' })).toBeHidden();
    const table = page.getByRole('table', { name: /RACI-matris för/ });
    await expect(table).toBeVisible();
    const width = await table.evaluate((t) => t.getBoundingClientRect().width);
    expect(width).toBeLessThanOrEqual(1047);
    await page.emulateMedia({ media: 'screen' });
  });
});

test.describe('as a viewer', () => {
  test.use({ storageState: storageStateFor('viewer') });

  test('sees the step details read-only', async ({ page, playwright, baseURL }) => {
    const editorRequest = await playwright.request.newContext({ baseURL, storageState: storageStateFor('kommun.editor') });
    const flow = await copyDemoFlow(editorRequest);
    await page.goto(`/flows/${flow.id}?element=Task_Inskrivningsmeddelande`);
    const panel = page.getByRole('complementary', { name: 'Stegdetaljer' });
    await expect(panel.getByLabel('Steg att visa')).toHaveValue('Task_Inskrivningsmeddelande', { timeout: 30_000 });
    await expect(panel.getByText('Du kan läsa detaljerna men inte ändra dem.')).toBeVisible();
    await expect(panel.getByLabel('Tidsgräns')).toHaveValue('Inom 24 timmar från inskrivningen');
    await expect(panel.getByLabel('Tidsgräns')).not.toBeEditable();
    await expect(panel.getByRole('radio', { name: 'Ytterst ansvarig: Läkare' })).toBeChecked();
    await expect(panel.getByRole('radio', { name: 'Ytterst ansvarig: Läkare' })).toBeDisabled();
    await expect(panel.getByRole('checkbox', { name: /Kontakt med kunden/ })).toBeDisabled();
    await editorRequest.dispose();
  });
});
