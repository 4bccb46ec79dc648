import type { APIRequestContext, Browser, BrowserContext, Page } from '@playwright/test';
import { startInstance, stopInstance } from './app-instances';
import { signInThroughForm } from './auth-helpers';
import { DEMO_PASSWORD, demoEmail, expect, storageStateFor, test, type DemoUser } from './fixtures';
import { sql } from './organisation-helpers';

// Workshop presentation (issue 13): a facilitator walks the demo flow step by step on the projector,
// participants follow on their own screens (each its own browser context: headless Chromium throttles
// a page that is not in front, so the page measured is brought to front), and guests without an
// account follow through a guest link. Present mode never changes the flow.

test.describe.configure({ timeout: 90_000 });
test.use({ storageState: storageStateFor('kommun.editor') });

const PROJECTOR = { width: 1280, height: 720 };
const PHONE = { width: 390, height: 844 };
/** Issue 13: a follower's screen shows the presenter's step within a second. */
const WITHIN_A_SECOND = { timeout: 1_000 };

type Step = { elementId: string; name: string; organisationId: string | null; laneRoleId: string | null; kind: string };
type Links = { code: string; followUrl: string; guestUrl: string; expiresAt: string };

async function demoFlow(request: APIRequestContext): Promise<{ id: string; steps: Step[] }> {
  const { flows } = (await (await request.get('/api/flows')).json()) as { flows: { id: string; name: string }[] };
  const flow = flows.find((f) => f.name === 'Utskrivning från slutenvård');
  if (!flow) throw new Error('The demo flow is missing: is the database seeded?');
  const response = await request.get(`/api/flows/${flow.id}/walkthrough`);
  expect(response.status()).toBe(200);
  return { id: flow.id, steps: ((await response.json()) as { steps: Step[] }).steps };
}

async function screen(browser: Browser, user: DemoUser | null, viewport = PROJECTOR): Promise<{ context: BrowserContext; page: Page }> {
  // A guest gets an empty storage state: browser.newContext in a test otherwise takes the spec's sign-in.
  const context = await browser.newContext({ storageState: user ? storageStateFor(user) : { cookies: [], origins: [] }, locale: 'sv-SE', viewport });
  return { context, page: await context.newPage() };
}

const status = (page: Page) => page.getByRole('status');
const canvasOf = (page: Page) => page.getByRole('region', { name: /^Flödesdiagram i presentationsläge/ });

/** The current step is drawn and its label (inside it, or beside it for events, gateways, flows) is at least 18 px on screen. */
async function expectReadableCurrentStep(page: Page) {
  const current = page.locator('.stafett-present-current text, .stafett-present-label text').first();
  await expect(current).toBeVisible();
  const px = await current.evaluate((text) => (text as SVGTextElement).getScreenCTM()!.a * parseFloat(getComputedStyle(text).fontSize));
  expect(px, 'label size on screen').toBeGreaterThanOrEqual(18);
  // Centred: the step's middle is near the middle of the canvas.
  const canvas = (await canvasOf(page).boundingBox())!;
  const box = (await page.locator('.djs-element.stafett-present-current').first().boundingBox())!;
  expect(Math.abs(box.x + box.width / 2 - (canvas.x + canvas.width / 2))).toBeLessThan(canvas.width / 4);
}

/** bpmn.io's watermark is fully visible and nothing of ours covers it (its licence). */
async function expectWatermark(page: Page) {
  const watermark = canvasOf(page).getByRole('link', { name: 'Drivs av bpmn.io (öppnar en notis)' });
  await watermark.scrollIntoViewIfNeeded();
  await expect(watermark).toBeInViewport({ ratio: 1 });
  const covered = await watermark.evaluate((link) => {
    const r = link.getBoundingClientRect();
    const points = [[r.left + 1, r.top + 1], [r.right - 1, r.top + 1], [r.left + 1, r.bottom - 1], [r.right - 1, r.bottom - 1]];
    return points.filter(([x, y]) => !link.contains(document.elementFromPoint(x!, y!))).length;
  });
  expect(covered).toBe(0);
}

/** Starts sharing from the present page as a user does and returns the session's links. */
async function startSharing(page: Page, flowId: string): Promise<Links> {
  await page.goto(`/flows/${flowId}/present`);
  await expect(status(page)).toHaveText('Patienten skrivs in på sjukhus');
  await page.getByRole('button', { name: 'Starta delning' }).click();
  await expect(page).toHaveURL(/\?session=[A-Z0-9]{6}$/);
  const code = (await page.getByTestId('presentation-code').textContent())!;
  return {
    code,
    followUrl: (await page.getByTestId('follow-link').getAttribute('href'))!,
    guestUrl: (await page.getByTestId('guest-link').getAttribute('href'))!,
    expiresAt: '',
  };
}

test('the walkthrough API lists the demo flow in order, each handover a messageFlow step between sender and receiver', async ({ request }) => {
  const { id, steps } = await demoFlow(request);
  expect(steps[0]).toMatchObject({ elementId: 'Start_Inskrivning', kind: 'startEvent', name: 'Patienten skrivs in på sjukhus' });
  const handover = steps.findIndex((s) => s.elementId === 'Message_Inskrivningsmeddelande');
  expect(steps[handover]!.kind).toBe('messageFlow');
  expect(steps[handover - 1]!.elementId).toBe('Task_Inskrivningsmeddelande');
  expect(steps[handover + 1]!.elementId).toBe('Start_InskrivningsmeddelandeMottaget');
  expect(new Set(steps.map((s) => s.elementId)).size).toBe(steps.length);
  const old = await request.get(`/api/flows/${id}/walkthrough?version=1`);
  expect(old.status()).toBe(200);
  expect((await request.get(`/api/flows/${id}/walkthrough?version=0`)).status()).toBe(400);
});

test('the facilitator steps with the keyboard and a follower’s screen shows the same step within a second', async ({ page, browser, request }) => {
  const { id, steps } = await demoFlow(request);
  await page.setViewportSize(PROJECTOR);
  const links = await startSharing(page, id);
  await expectReadableCurrentStep(page);
  await expectWatermark(page);

  const follower = await screen(browser, 'region.editor');
  await follower.page.goto(links.followUrl);
  await expect(status(follower.page)).toHaveText(steps[0]!.name);
  await expect(follower.page.getByText('Du följer presentatören.')).toBeVisible();
  // Followers have no controls of the session.
  await expect(follower.page.getByRole('button', { name: 'Avsluta presentationen' })).toHaveCount(0);

  const keys = ['ArrowRight', 'Space', 'PageDown', 'ArrowRight', 'PageUp', 'ArrowLeft', 'ArrowDown'];
  let expected = 0;
  for (const key of keys) {
    await page.bringToFront();
    await page.keyboard.press(key);
    expected += ['ArrowLeft', 'PageUp', 'ArrowUp'].includes(key) ? -1 : 1;
    await expect(status(page)).toHaveText(steps[expected]!.name);
    await follower.page.bringToFront();
    await expect(status(follower.page), `after ${key}`).toHaveText(steps[expected]!.name, WITHIN_A_SECOND);
  }
  await expectReadableCurrentStep(follower.page);

  // The on-screen buttons move the session too; "Nästa" at a handover shows the handover as a step.
  await page.bringToFront();
  while (steps[expected]!.kind !== 'messageFlow') {
    await page.getByRole('button', { name: 'Nästa ▶' }).click();
    expected++;
  }
  await expect(page.getByRole('heading', { level: 2, name: steps[expected]!.name })).toBeVisible();
  await expect(page.getByText('Överlämning', { exact: false }).first()).toBeVisible();
  await expect(page.getByRole('region', { name: 'Kundens resa' })).toContainText('Ordet byts vid överlämningen: patient blir brukare');
  await expect(page.getByTestId('lens-handovers')).toHaveText('Överlämningar mellan organisationer hittills: 1');
  await expectReadableCurrentStep(page);
  await follower.page.bringToFront();
  await expect(status(follower.page)).toHaveText(steps[expected]!.name, WITHIN_A_SECOND);

  // The overview key shows the whole flow, on the follower's screen as well.
  await page.bringToFront();
  await page.keyboard.press('o');
  await expect(page.getByRole('button', { name: 'Översikt', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await follower.page.bringToFront();
  await expect(canvasOf(follower.page)).toHaveAttribute('data-overview', 'true', WITHIN_A_SECOND);
  await expectWatermark(page);
  await follower.context.close();
});

test('at a gateway the facilitator picks the way, and the steps of the other way are left out', async ({ page, request }) => {
  const { id, steps } = await demoFlow(request);
  await page.goto(`/flows/${id}/present`);
  const gateway = steps.findIndex((s) => s.elementId === 'Gateway_SIP');
  await page.keyboard.press('End');
  for (let i = steps.length - 1; i > gateway; i--) await page.keyboard.press('ArrowLeft');
  await expect(status(page)).toHaveText(steps[gateway]!.name);
  const ways = page.getByRole('group', { name: 'Vilken väg visar vi?' });
  await expect(ways.getByRole('radio', { name: 'Alla vägar' })).toBeChecked();
  await ways.getByRole('radio', { name: 'Nej' }).check();
  // Keys go back to stepping once the choice is made.
  await page.getByRole('button', { name: 'Nästa ▶' }).click();
  await expect(status(page)).toHaveText(steps.find((s) => s.elementId === 'Task_DeltaSIP')!.name);
  await page.keyboard.press('ArrowLeft');
  await expect(status(page)).toHaveText(steps[gateway]!.name);
  await ways.getByRole('radio', { name: 'Ja' }).check();
  // Arrow keys on a radio group move its choice (as they must); the button steps on.
  await page.getByRole('button', { name: 'Nästa ▶' }).click();
  await expect(status(page)).toHaveText('Kalla till SIP');
});

test('a follower breaks away to look around and jumps back to the presenter’s step', async ({ page, browser, request }) => {
  const { id, steps } = await demoFlow(request);
  const links = await startSharing(page, id);
  const follower = await screen(browser, 'viewer');
  await follower.page.goto(links.followUrl);
  await expect(status(follower.page)).toHaveText(steps[0]!.name);
  // The status is in the server's HTML already; the highlighted step is drawn by the page's own code,
  // so from here the keys are live (a key pressed before that would be lost, as for any person).
  await expect(follower.page.locator('.djs-element.stafett-present-current').first()).toBeVisible();

  // Looking around: the follower's own keys move only their screen (two quick presses, two steps).
  await follower.page.keyboard.press('ArrowRight');
  await follower.page.keyboard.press('ArrowRight');
  await expect(status(follower.page)).toHaveText(steps[2]!.name);
  await expect(follower.page.getByText('Du tittar runt själv. Presentatören är på steg 1.')).toBeVisible();
  await page.bringToFront();
  await page.keyboard.press('ArrowRight');
  await expect(status(page)).toHaveText(steps[1]!.name);
  await follower.page.bringToFront();
  await expect(follower.page.getByText('Presentatören är på steg 2.', { exact: false })).toBeVisible(WITHIN_A_SECOND);
  await expect(status(follower.page)).toHaveText(steps[2]!.name);

  // Back with the presenter, and moving with them again.
  await follower.page.getByRole('button', { name: 'Följ presentatören igen' }).click();
  await expect(status(follower.page)).toHaveText(steps[1]!.name);
  await page.bringToFront();
  await page.keyboard.press('ArrowRight');
  await follower.page.bringToFront();
  await expect(status(follower.page)).toHaveText(steps[2]!.name, WITHIN_A_SECOND);

  // Only the presenter moves the session.
  const moved = await follower.context.request.put(`/api/presentations/${links.code}`, { data: { stepIndex: 5 } });
  expect(moved.status()).toBe(403);
  await follower.context.close();
});

test('a guest link works read-only without an account, shows that flow only, and stops when revoked', async ({ page, browser, request }) => {
  const { id, steps } = await demoFlow(request);
  const links = await startSharing(page, id);
  const guest = await screen(browser, null, PHONE);
  const opened = await guest.page.goto(links.guestUrl);
  expect(opened?.status()).toBe(200);
  await expect(status(guest.page)).toHaveText(steps[0]!.name);
  await expect(guest.page.getByText('Gäst: du ser bara det här flödet, och kan inte ändra något.')).toBeVisible();
  // Read-only: no palette, no editing, no way into the app.
  await expect(guest.page.locator('.djs-palette')).toHaveCount(0);
  await expect(guest.page.getByRole('link', { name: 'Lämna presentationen' })).toHaveCount(0);
  await expectReadableCurrentStep(guest.page);
  await expectWatermark(guest.page);

  await page.bringToFront();
  await page.keyboard.press('ArrowRight');
  await guest.page.bringToFront();
  await expect(status(guest.page)).toHaveText(steps[1]!.name, WITHIN_A_SECOND);

  // The guest link grants nothing else: the API and the app's pages still want an account.
  expect((await guest.context.request.get(`/api/flows/${id}`)).status()).toBe(401);
  expect((await guest.context.request.get(`/api/flows/${id}/walkthrough`)).status()).toBe(401);
  expect((await guest.context.request.put(`/api/presentations/${links.code}`, { data: { stepIndex: 3 } })).status()).toBe(401);
  const app = await guest.context.request.get(`/flows/${id}/present`, { maxRedirects: 0 });
  expect(app.status()).toBe(307);
  expect(app.headers()['location']).toContain('/signin');
  expect((await guest.context.cookies()).filter((c) => c.name.includes('session-token'))).toEqual([]);

  // Revoked: the open guest screen says so, and the link answers 410.
  await page.bringToFront();
  await page.getByRole('button', { name: 'Återkalla gästlänken' }).click();
  await expect(page.getByText('Gästlänken är återkallad.')).toBeVisible();
  await guest.page.bringToFront();
  await expect(guest.page.getByText('Presentationen har avslutats.')).toBeVisible({ timeout: 5_000 });
  const again = await guest.page.goto(links.guestUrl);
  expect(again?.status()).toBe(410);
  await expect(guest.page.getByRole('heading', { level: 1, name: 'Presentationen har avslutats' })).toBeVisible();
  // The follow link of signed-in people still works.
  expect((await page.goto(links.followUrl))?.status()).toBe(200);
  await guest.context.close();
});

test('an expired guest link answers 410 with the ended page', async ({ request, browser }) => {
  const { id } = await demoFlow(request);
  const created = await request.post(`/api/flows/${id}/presentations`, { data: {} });
  expect(created.status()).toBe(201);
  const links = (await created.json()) as Links;
  expect(links.code).toMatch(/^[A-Z0-9]{6}$/);
  expect(new Date(links.expiresAt).getTime()).toBeGreaterThan(Date.now());
  const guest = await screen(browser, null);
  expect((await guest.page.goto(links.guestUrl))?.status()).toBe(200);
  await sql(`UPDATE "Presentation" SET "expiresAt" = now() - interval '1 minute' WHERE code = $1`, [links.code]);
  const expired = await guest.page.goto(links.guestUrl);
  expect(expired?.status()).toBe(410);
  await expect(guest.page.getByRole('heading', { level: 1, name: 'Presentationen har avslutats' })).toBeVisible();
  expect((await guest.context.request.get(new URL(links.guestUrl).pathname.replace('/guest/', '/api/guest/') + '/events')).status()).toBe(410);
  // A forged token opens nothing.
  expect((await guest.page.goto(links.guestUrl.slice(0, -2) + 'xx'))?.status()).toBe(404);
  await guest.context.close();
});

test('ending the session: followers are told, and the follow and guest links answer 410 with a clear ended page', async ({ page, browser, request }) => {
  const { id } = await demoFlow(request);
  const links = await startSharing(page, id);
  const follower = await screen(browser, 'region.editor', PHONE);
  await follower.page.goto(links.followUrl);
  await expect(follower.page.getByText('Du följer presentatören.')).toBeVisible();
  await expectReadableCurrentStep(follower.page);
  await expectWatermark(follower.page);

  await page.bringToFront();
  await page.getByRole('button', { name: 'Avsluta presentationen' }).click();
  await expect(page.getByText('Presentationen är avslutad. Länkarna fungerar inte längre.')).toBeVisible();
  await follower.page.bringToFront();
  await expect(follower.page.getByText('Presentationen har avslutats.')).toBeVisible({ timeout: 5_000 });

  const follow = await follower.page.goto(links.followUrl);
  expect(follow?.status()).toBe(410);
  await expect(follower.page.getByRole('heading', { level: 1, name: 'Presentationen har avslutats' })).toBeVisible();
  const anonymous = await screen(browser, null);
  expect((await anonymous.page.goto(links.guestUrl))?.status()).toBe(410);
  expect((await request.put(`/api/presentations/${links.code}`, { data: { stepIndex: 1 } })).status()).toBe(410);
  await Promise.all([follower.context.close(), anonymous.context.close()]);
});

test('present mode is reached from the flow and never edits it', async ({ page, request }) => {
  const { id } = await demoFlow(request);
  const before = (await (await request.get(`/api/flows/${id}`)).json()) as { headVersion: number };
  await page.setViewportSize(PHONE);
  await page.goto(`/flows/${id}`);
  await page.getByRole('link', { name: 'Presentera' }).click();
  await expect(page).toHaveURL(new RegExp(`/flows/${id}/present$`));
  await expect(page.locator('.djs-palette')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Nästa ▶' })).toBeVisible();
  for (let i = 0; i < 5; i++) await page.getByRole('button', { name: 'Nästa ▶' }).click();
  await expectReadableCurrentStep(page);
  await expectWatermark(page);
  const after = (await (await request.get(`/api/flows/${id}`)).json()) as typeof before;
  expect(after.headVersion).toBe(before.headVersion);
});

test('a follower on another app instance is moved within a second: the step travels through PostgreSQL, not one process', async ({ page, browser, request }) => {
  test.skip(!process.env.DATABASE_URL, 'needs DATABASE_URL of the run');
  test.setTimeout(150_000);
  const { id, steps } = await demoFlow(request);
  const links = await startSharing(page, id);
  // A second `next start` on a port nothing listens on (parallel runs on this machine never collide).
  const other = await startInstance(process.env.DATABASE_URL!);
  try {
    const follower = await screen(browser, null);
    await follower.page.goto(`${other.baseUrl}/signin`);
    await signInThroughForm(follower.page, demoEmail('region.editor'), DEMO_PASSWORD);
    await follower.page.waitForURL((url) => !url.pathname.startsWith('/signin'));
    await follower.page.goto(`${other.baseUrl}${new URL(links.followUrl).pathname}${new URL(links.followUrl).search}`);
    await expect(status(follower.page)).toHaveText(steps[0]!.name);
    for (let i = 1; i <= 4; i++) {
      await page.bringToFront();
      await page.keyboard.press('ArrowRight');
      await expect(status(page)).toHaveText(steps[i]!.name);
      await follower.page.bringToFront();
      // The first move also warms the instance that just started (its first database reads); from
      // the second on, each must be there within a second.
      await expect(status(follower.page)).toHaveText(steps[i]!.name, i === 1 ? {} : WITHIN_A_SECOND);
    }
    await follower.context.close();
  } finally {
    await stopInstance(other);
  }
});
