import type { APIRequestContext, Browser, Page } from '@playwright/test';
import { SAVE_WAIT, status } from './editor-canvas';
import { signInThroughForm } from './auth-helpers';
import { expect, storageStateFor, test, type DemoUser } from './fixtures';
import { createMember, organisationIdByName } from './organisation-helpers';

// Issue 15: from drawing to routine in force. Each person has their own browser context (headless
// Chromium throttles pages that are not in front); each test works on its own copy of the demo flow.

const DEMO_FLOW = 'Utskrivning från slutenvård';
const TASK = 'Task_PlaneraKommun';

async function copyDemoFlow(request: APIRequestContext): Promise<{ id: string; name: string }> {
  const { flows } = (await (await request.get('/api/flows')).json()) as { flows: { id: string; name: string }[] };
  const demo = flows.find((f) => f.name === DEMO_FLOW);
  if (!demo) throw new Error('The demo flow is missing: is the database seeded?');
  const xml = await (await request.get(`/api/flows/${demo.id}/bpmn`)).text();
  const name = `E2E fastställd ${Date.now()}-${Math.random().toString(36).slice(2, 7)}`;
  const created = await request.post(`/api/flows?name=${encodeURIComponent(name)}`, { headers: { 'content-type': 'application/xml' }, data: xml });
  expect(created.status(), await created.text()).toBe(201);
  return { id: ((await created.json()) as { id: string }).id, name };
}

async function pageAs(browser: Browser, user: DemoUser): Promise<Page> {
  const context = await browser.newContext({ storageState: storageStateFor(user), locale: 'sv-SE' });
  return context.newPage();
}

/** One edit in the step details panel (a commit of its own): Accountable for the kommun's planning step. */
async function editDraft(page: Page, flowId: string, role: string, { reload = true } = {}) {
  const panel = page.getByRole('complementary', { name: 'Stegdetaljer' });
  if (reload) {
    await page.goto(`/flows/${flowId}?draft=1&element=${TASK}`);
  } else {
    await expect(panel.getByLabel('Steg att visa')).toBeVisible({ timeout: 30_000 });
    await panel.getByLabel('Steg att visa').selectOption(TASK);
  }
  await expect(panel.getByLabel('Steg att visa')).toHaveValue(TASK, { timeout: 30_000 });
  await panel.getByRole('radio', { name: `Ytterst ansvarig: ${role}` }).check();
  await expect(status(page)).toHaveText(/Alla ändringar sparade \(version [2-9]\)/, SAVE_WAIT);
}

test.describe('approval, publication and the handbook', () => {
  test('sent, marked when changed meanwhile, approved by kommun and region, published, printed, then edited as a draft beside the routine in force', async ({ browser }) => {
    test.setTimeout(240_000);
    const kommun = await pageAs(browser, 'kommun.admin');
    const region = await pageAs(browser, 'region.admin');
    const flow = await copyDemoFlow(kommun.request);

    // The owner's admin sends version 1.
    await kommun.goto(`/flows/${flow.id}/approval`);
    await expect(kommun.getByText('Ingen version är fastställd ännu.')).toBeVisible();
    await kommun.getByLabel('Version att godkänna').fill('1');
    await kommun.getByRole('button', { name: 'Skicka version för godkännande' }).click();
    await expect(kommun.getByText('Version 1 är skickad för godkännande.')).toBeVisible();
    const current = kommun.getByRole('table', { name: 'Godkännande av version 1, per organisation' });
    await expect(current.getByRole('row', { name: /Kommunen Väntar/ })).toBeVisible();
    await expect(current.getByRole('row', { name: /Regionen Väntar/ })).toBeVisible();

    // A change while approval is under way is not what is being approved, and says so at once, on the
    // screen where it was made (no reload), and after a reload.
    await kommun.goto(`/flows/${flow.id}?draft=1`);
    await expect(kommun.getByText('Den här versionen (1) är skickad för godkännande.')).toBeVisible();
    await editDraft(kommun, flow.id, 'Enhetschef hemtjänst', { reload: false });
    const notApproved = kommun.getByRole('alert').filter({ hasText: 'Version 1 är skickad för godkännande' });
    await expect(notApproved).toContainText('är inte den version som godkänns');
    await expect(kommun.getByText('Den här versionen (1) är skickad för godkännande.')).toHaveCount(0);
    await kommun.reload();
    await expect(notApproved).toContainText('är inte den version som godkänns');

    // Kommun approves with a comment; region approves: version 1 is published.
    await kommun.goto(`/flows/${flow.id}/approval`);
    await kommun.getByLabel('Kommentar (valfri)').fill('Stämmer med vår rutin');
    await kommun.getByRole('button', { name: 'Godkänn', exact: true }).click();
    await expect(current.getByRole('row', { name: /Kommunen Godkänd/ })).toContainText('Stämmer med vår rutin');
    await expect(kommun.getByRole('button', { name: 'Godkänn', exact: true })).toHaveCount(0);

    // The region's admin is told in the app what waits for their approval.
    await region.bringToFront();
    await region.goto('/');
    const awaiting = region.getByRole('region', { name: 'Väntar på ditt godkännande' });
    await expect(awaiting).toContainText(`${flow.name}, version 1, för Regionen`);
    await awaiting.getByRole('link', { name: `Granska ${flow.name}` }).click();
    await expect(region).toHaveURL(new RegExp(`/flows/${flow.id}/approval$`));
    await expect(region.getByRole('heading', { name: 'Ditt beslut för Regionen' })).toBeVisible();
    await region.getByRole('button', { name: 'Godkänn', exact: true }).click();
    await expect(region.getByRole('region', { name: 'Fastställd version' })).toContainText('Version 1, fastställd');
    await expect(region.getByRole('region', { name: 'Tidigare godkännanden' }).getByRole('row', { name: /Regionen Godkänd/ })).toBeVisible();

    // Everyone opens the published version by default.
    await region.goto(`/flows/${flow.id}`);
    await expect(region.getByRole('status').filter({ hasText: 'Fastställd rutin: version 1' })).toBeVisible();
    await expect(region.getByLabel('Fastställd version 1')).toBeVisible();
    const published = await region.request.get(`/api/flows/${flow.id}/bpmn?published=1`);
    expect(published.headers()['etag']).toBe('"1"');
    expect((await (await region.request.get(`/api/flows/${flow.id}`)).json()).publishedVersion).toBe(1);

    // The handbook in print view: A4 portrait less the margins is 186 mm, about 703 CSS pixels.
    await region.goto(`/flows/${flow.id}/handbook`);
    await expect(region.getByRole('heading', { level: 1, name: `Handbok: ${flow.name}` })).toBeVisible();
    await region.setViewportSize({ width: 703, height: 1000 });
    await region.emulateMedia({ media: 'print' });
    await expect(region.getByRole('banner')).toBeHidden();
    await expect(region.getByRole('button', { name: 'Skriv ut eller spara som PDF' })).toBeHidden();
    await expect(region.getByText('Fastställd rutin, version 1, fastställd')).toBeVisible();
    const steps = region.getByRole('table', { name: /Stegen i/ });
    await expect(steps.getByRole('row', { name: /Skicka inskrivningsmeddelande/ })).toContainText('24 timmar');
    expect(await steps.evaluate((t) => t.getBoundingClientRect().width)).toBeLessThanOrEqual(703);
    const approvals = region.getByRole('region', { name: 'Godkännanden' });
    await expect(approvals.getByRole('row', { name: /Kommunen Godkänd/ })).toContainText('Stämmer med vår rutin');
    await expect(approvals.getByRole('row', { name: /Regionen Godkänd/ })).toBeVisible();
    const diagram = region.getByRole('img', { name: /Flödesdiagram för .*, version 1/ });
    await expect.poll(() => diagram.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    await region.emulateMedia({ media: 'screen' });

    // Editing afterwards makes a draft; the published version stays, and both can be seen side by side.
    await kommun.bringToFront();
    await editDraft(kommun, flow.id, 'Biståndshandläggare');
    await kommun.goto(`/flows/${flow.id}`);
    await expect(kommun.getByRole('status').filter({ hasText: 'Fastställd rutin: version 1' })).toBeVisible();
    await kommun.getByRole('link', { name: 'Öppna utkastet' }).click();
    await expect(kommun.getByText(/Du ser utkastet \(version \d+\)\. Den fastställda rutinen är version 1\./)).toBeVisible();
    await kommun.getByRole('link', { name: 'Jämför utkastet med den fastställda versionen' }).first().click();
    await expect(kommun).toHaveURL(new RegExp(`/flows/${flow.id}/diff\\?from=1&to=\\d+`));
    await expect(kommun.getByRole('region', { name: /^Version 1 \(äldre\)/ })).toBeVisible({ timeout: 30_000 });
    await expect(kommun.getByRole('region', { name: /^Version \d+ \(nyare\)/ })).toBeVisible();
    await kommun.context().close();
    await region.context().close();
  });

  test('only the right people see the controls: an editor may not send, a viewer may not decide', async ({ browser }) => {
    const admin = await pageAs(browser, 'kommun.admin');
    const flow = await copyDemoFlow(admin.request);
    const sent = await admin.request.post(`/api/flows/${flow.id}/approvals`, { data: { version: 1 } });
    expect(sent.status()).toBe(201);
    const editor = await pageAs(browser, 'kommun.editor');
    await editor.goto(`/flows/${flow.id}/approval`);
    await expect(editor.getByRole('table', { name: 'Godkännande av version 1, per organisation' })).toBeVisible();
    await expect(editor.getByRole('button', { name: 'Skicka version för godkännande' })).toHaveCount(0);
    await expect(editor.getByRole('button', { name: 'Godkänn', exact: true })).toHaveCount(0);
    const viewer = await pageAs(browser, 'viewer');
    const refused = await viewer.request.post(`/api/flows/${flow.id}/approvals/${(await sent.json()).id}/decisions`, { data: { decision: 'approve' } });
    expect(refused.status()).toBe(403);
    // Leave nothing waiting on anyone's home page.
    expect((await admin.request.post(`/api/flows/${flow.id}/approvals/${(await sent.json()).id}/decisions`, { data: { decision: 'reject' } })).status()).toBe(200);
    await Promise.all([admin.context().close(), editor.context().close(), viewer.context().close()]);
  });
});

test.describe('named approvers and notifications', () => {
  test('the region admin names an approver, who is told and decides for the region; a follower hears of a colleague\'s edit on the home page', async ({ browser }) => {
    test.setTimeout(240_000);
    const regionId = await organisationIdByName('Regionen');
    const nurse = await createMember('godkannare', regionId, 'VIEWER');
    const regionAdmin = await pageAs(browser, 'region.admin');
    await regionAdmin.goto(`/organisations/${regionId}?mq=${encodeURIComponent(nurse.email)}`);
    const row = regionAdmin.getByRole('table', { name: /Medlemmar i Regionen/ }).getByRole('row', { name: new RegExp(nurse.name) });
    await expect(row).toContainText('Nej');
    await row.getByRole('button', { name: `Utse ${nurse.name} till godkännare` }).click();
    await expect(row).toContainText('Personen är nu godkännare för organisationen.');
    await expect(row).toContainText('Ja, utsedd');
    await regionAdmin.context().close();

    const kommun = await pageAs(browser, 'kommun.admin');
    const flow = await copyDemoFlow(kommun.request);
    const sent = await kommun.request.post(`/api/flows/${flow.id}/approvals`, { data: { version: 1 } });
    expect(sent.status()).toBe(201);

    // The named approver, a viewer, is told in the app and decides for Regionen.
    const approverContext = await browser.newContext({ locale: 'sv-SE' });
    const approver = await approverContext.newPage();
    await approver.goto('/signin');
    await signInThroughForm(approver, nurse.email, nurse.password);
    await expect(approver).toHaveURL(/\/$/);
    await expect(approver.getByTestId('waiting-count')).not.toHaveText('0');
    const awaiting = approver.getByRole('region', { name: 'Väntar på ditt godkännande' });
    await awaiting.getByRole('link', { name: `Granska ${flow.name}` }).click();
    await approver.getByLabel('Kommentar (valfri)').fill('Läst och klar');
    await approver.getByRole('button', { name: 'Godkänn', exact: true }).click();
    const current = approver.getByRole('table', { name: 'Godkännande av version 1, per organisation' });
    await expect(current.getByRole('row', { name: /Regionen Godkänd/ })).toContainText(nurse.name);
    await approverContext.close();

    // The kommun admin created the copy, so follows it; a colleague's edit is news on their home page.
    await kommun.goto(`/flows/${flow.id}?draft=1`);
    await expect(kommun.getByRole('button', { name: 'Följer flödet' })).toHaveAttribute('aria-pressed', 'true');
    // A screen with the flow open sees changes live, so they are no news: the admin leaves first.
    await kommun.goto('about:blank');
    const editor = await pageAs(browser, 'kommun.editor');
    await editor.bringToFront();
    await editDraft(editor, flow.id, 'Biståndshandläggare');
    // The editor follows too, with the button; following again after a reload shows it held.
    const follow = editor.getByRole('button', { name: 'Följ flödet' });
    await follow.click();
    await expect(editor.getByRole('button', { name: 'Följer flödet' })).toHaveAttribute('aria-pressed', 'true');
    await editor.reload();
    await expect(editor.getByRole('button', { name: 'Följer flödet' })).toBeVisible({ timeout: 30_000 });
    await editor.context().close();

    await kommun.bringToFront();
    await kommun.goto('/');
    const news = kommun.getByRole('region', { name: 'Nytt i flöden du följer' }).getByRole('listitem').filter({ hasText: flow.name });
    await expect(news).toContainText('En ändring av Ahmed Hassan sedan du tittade senast');
    await news.getByRole('link', { name: `Visa ändringarna i ${flow.name}` }).click();
    await expect(kommun).toHaveURL(new RegExp(`/flows/${flow.id}/diff\\?from=\\d+&to=\\d+`));
    await expect(kommun.getByRole('region', { name: /\(nyare\)/ })).toBeVisible({ timeout: 30_000 });
    await kommun.goto('/');
    await news.getByRole('button', { name: `Markera nyheterna i ${flow.name} som lästa` }).click();
    await expect(news).toHaveCount(0);
    // Leave nothing waiting on anyone's home page.
    expect((await kommun.request.post(`/api/flows/${flow.id}/approvals/${(await sent.json()).id}/decisions`, { data: { decision: 'reject' } })).status()).toBe(200);
    await kommun.context().close();
  });
});

test.describe('follow-up of time limits', () => {
  test.use({ storageState: storageStateFor('kommun.editor') });

  test('an indicator for the admission notice: values entered, the trend with its target, the warning, a bad CSV refused line by line', async ({ page }) => {
    test.setTimeout(120_000);
    const flow = await copyDemoFlow(page.request);
    await page.goto(`/flows/${flow.id}/follow-up`);
    await expect(page.getByText('Inga indikatorer ännu.')).toBeVisible();
    await page.getByLabel('Namn', { exact: true }).fill('Inskrivningsmeddelanden inom 24 timmar');
    const element = page.getByLabel('Steg eller överlämning');
    const option = element.locator('option').filter({ hasText: 'Inom 24 timmar' }).first();
    await element.selectOption((await option.getAttribute('value'))!);
    await page.getByLabel('Enhet').selectOption('percent');
    await page.getByLabel('Mål', { exact: true }).fill('90');
    await page.getByLabel('Riktning').selectOption('atLeast');
    await page.getByRole('button', { name: 'Lägg till indikator' }).click();

    const card = page.getByRole('region', { name: 'Inskrivningsmeddelanden inom 24 timmar' });
    await expect(card.getByText('Mål: minst 90 %')).toBeVisible();
    const entry = card.getByRole('form', { name: /Ange värde/ });
    for (const [period, value] of [['2026-01', '95'], ['2026-02', '81,5']] as const) {
      await entry.getByLabel('Period (månad)').fill(period);
      await entry.getByLabel('Värde').fill(value);
      await entry.getByRole('button', { name: 'Spara värde' }).click();
      await expect(card.getByRole('row', { name: new RegExp(period) })).toBeVisible();
    }
    await expect(card.getByRole('alert')).toHaveText('Varning: 2026-02 missade målet (81,5 %).');
    await expect(card.getByRole('img', { name: /Trend för Inskrivningsmeddelanden inom 24 timmar: 2 perioder, målet 90 %/ })).toBeVisible();
    await expect(card.locator('svg line[stroke-dasharray]')).toHaveCount(1);

    // A file with bad lines is refused whole, each bad line named; nothing of it is stored.
    await card.getByLabel(/Importera CSV-fil/).setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from('period,value\n2026-03,97\n2026-14,80\nmars,70\n') });
    await card.getByRole('button', { name: 'Importera fil' }).click();
    await expect(card.getByRole('alert').filter({ hasText: 'Filen importerades inte' })).toContainText('Rätta rad 3, 4');
    await expect(card.getByRole('row', { name: /2026-03/ })).toHaveCount(0);

    // A good file lands whole, and the latest period now meets the target.
    await card.getByLabel(/Importera CSV-fil/).setInputFiles({ name: 'good.csv', mimeType: 'text/csv', buffer: Buffer.from('period,value\n2026-03,92\n2026-04,97\n') });
    await card.getByRole('button', { name: 'Importera fil' }).click();
    await expect(card.getByText('Senaste perioden (2026-04) nådde målet.')).toBeVisible();
    await entry.getByLabel('Period (månad)').fill('2026-05');
    await entry.getByLabel('Värde').fill('70');
    await entry.getByRole('button', { name: 'Spara värde' }).click();
    await expect(card.getByRole('alert')).toHaveText('Varning: 2026-05 missade målet (70 %).');

    // Beside the flow and in the handbook.
    await page.goto(`/flows/${flow.id}`);
    await expect(page.getByText('1 indikator missar sitt mål den senaste perioden.')).toBeVisible();
    await page.getByText('Uppföljning: 1 indikator med trend').click();
    await expect(page.getByRole('img', { name: /Trend för Inskrivningsmeddelanden inom 24 timmar: 5 perioder, målet 90 %/ })).toBeVisible();
    await expect(page.getByText('Varning: 2026-05 missade målet (70 %).')).toBeVisible();
    await page.goto(`/flows/${flow.id}/handbook`);
    const inHandbook = page.getByRole('region', { name: 'Uppföljning av tidsgränser' });
    await expect(inHandbook.getByRole('img', { name: /Trend för Inskrivningsmeddelanden/ })).toBeVisible();
    await expect(inHandbook.getByRole('button', { name: 'Spara värde' })).toHaveCount(0);
  });
});

test.describe('process landscape', () => {
  test.use({ storageState: storageStateFor('kommun.admin') });

  test('shows the shared flow among the core processes of both organisations, and a support process naming what it serves', async ({ page, browser }) => {
    const flow = await copyDemoFlow(page.request);
    const { organisations } = (await (await page.request.get('/api/organisations')).json()) as { organisations: { id: string; name: string }[] };
    const kommunId = organisations.find((o) => o.name === 'Kommunen')!.id;
    await page.goto(`/organisations/${kommunId}`);
    await page.getByRole('link', { name: 'Processkarta' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Processkarta för Kommunen' })).toBeVisible();
    const core = page.getByRole('region', { name: 'Kärnprocesser' });
    const card = core.getByRole('article', { name: `Öppna flödet ${flow.name}` });
    await expect(card).toContainText('Delat flöde');
    await expect(card).toContainText('Regionen');
    await expect(card).toContainText('lag (2017:612)');

    const name = `IT-stöd ${Date.now()}`;
    await page.getByLabel('Namn', { exact: true }).fill(name);
    await page.getByLabel('Band').selectOption('SUPPORT');
    await page.getByLabel('Ägare').fill('IT-chef');
    await page.getByRole('group', { name: /Stödjer kärnprocesserna/ }).getByLabel(flow.name).check();
    await page.getByRole('button', { name: 'Lägg till i processkartan' }).click();
    const support = page.getByRole('region', { name: 'Stödprocesser' }).getByRole('article', { name });
    await expect(support).toContainText(`Stödjer${flow.name}`);
    await expect(support).toContainText('IT-chef');

    // The admin changes what the support process says, then what the landscape says of the shared flow.
    await support.getByRole('button', { name: `Ändra ${name}` }).click();
    const edit = support.getByRole('form', { name: `Ändra ${name}` });
    await edit.getByLabel('Ägare').fill('Digitaliseringschef');
    await edit.getByRole('button', { name: 'Spara ändringarna' }).click();
    await expect(support).toContainText('Digitaliseringschef');
    await expect(support.getByRole('form')).toHaveCount(0);
    await card.getByRole('button', { name: `Ändra ${flow.name}` }).click();
    const describe = card.getByRole('form', { name: `Ändra ${flow.name}` });
    await describe.getByLabel('Värde för kunden').fill('Hem i tid, utan glapp');
    await describe.getByRole('button', { name: 'Spara ändringarna' }).click();
    await expect(card).toContainText('Hem i tid, utan glapp');

    // Removing asks once more; the support process is gone, the flow stays.
    await support.getByRole('button', { name: `Ta bort ${name} ur processkartan` }).click();
    await support.getByRole('group', { name: `Ta bort ${name} ur processkartan` }).getByRole('button', { name: 'Ja, ta bort' }).click();
    await expect(page.getByRole('region', { name: 'Stödprocesser' }).getByRole('article', { name })).toHaveCount(0);
    await expect(card).toBeVisible();

    // The region sees the same shared flow in its own landscape.
    const region = await pageAs(browser, 'region.admin');
    const regionOrgs = (await (await region.request.get('/api/organisations')).json()) as { organisations: { id: string; name: string }[] };
    await region.goto(`/organisations/${regionOrgs.organisations.find((o) => o.name === 'Regionen')!.id}/landscape`);
    await expect(region.getByRole('region', { name: 'Kärnprocesser' }).getByRole('article', { name: `Öppna flödet ${flow.name}` })).toContainText('Delat flöde');
    await region.context().close();
  });
});
