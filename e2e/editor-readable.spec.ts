import type { Page } from '@playwright/test';
import { signInThroughForm } from './auth-helpers';
import { expect, storageStateFor, test } from './fixtures';
import { addMember, createMember, createTestOrganisation, organisationIdByName, sql, uniqueName } from './organisation-helpers';

// Issue 12, "Readable, usable editor": the demo flow opens at a zoom where its labels can be read, with
// zoom buttons and an overview map; the toolbar leaves the canvas most of the screen; the canvas's
// texts follow a language switch without a reload; bpmn.io's watermark stays clear of our controls.

test.use({ storageState: storageStateFor('kommun.editor') });
test.describe.configure({ timeout: 120_000 });

const DEMO_FLOW = 'Utskrivning från slutenvård';

async function demoFlowId(): Promise<string> {
  const [row] = await sql<{ id: string }>('SELECT id FROM "Flow" WHERE name = $1', [DEMO_FLOW]);
  if (!row) throw new Error('The demo flow is missing: is the database seeded?');
  return row.id;
}

/** Opens the demo flow (read only: nothing here changes it) and waits for its first task. */
async function openDemo(page: Page, canvasName = `Flödesdiagram: ${DEMO_FLOW}`) {
  await page.goto(`/flows/${await demoFlowId()}`);
  const canvas = page.getByRole('application', { name: canvasName });
  await expect(canvas).toBeVisible();
  await expect(canvas.locator('g.djs-shape[data-element-id^="Task_"]').first()).toBeVisible({ timeout: 30_000 });
  return canvas;
}

/** The on-screen size in px of the label font of the diagram's tasks (12 px in diagram units). */
async function taskLabelPx(page: Page): Promise<number> {
  return page.evaluate(() => {
    const text = document.querySelector<SVGTextElement>('g.djs-shape .djs-visual > text');
    const viewport = document.querySelector<SVGGElement>('.djs-container svg .viewport');
    if (!text || !viewport) return 0;
    const scale = viewport.getCTM()?.a ?? 0;
    return parseFloat(getComputedStyle(text).fontSize) * scale;
  });
}

for (const size of [
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
  { width: 390, height: 844 },
]) {
  test(`at ${size.width}×${size.height} the demo flow opens with task labels of 11 px or more`, async ({ page }) => {
    await page.setViewportSize(size);
    await openDemo(page);
    await expect.poll(() => taskLabelPx(page)).toBeGreaterThanOrEqual(11);
  });
}

test('zoom in, zoom out and the whole diagram are buttons on the canvas, and the overview map opens', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const canvas = await openDemo(page);
  const view = canvas.getByRole('group', { name: 'Diagramvy' });
  const start = await taskLabelPx(page);

  await view.getByRole('button', { name: 'Zooma in' }).click();
  await expect.poll(() => taskLabelPx(page)).toBeGreaterThan(start);
  await view.getByRole('button', { name: 'Zooma ut' }).click();
  await view.getByRole('button', { name: 'Zooma ut' }).click();
  await expect.poll(() => taskLabelPx(page)).toBeLessThan(start);
  // "The whole diagram" fits every pool on screen, however small that makes it.
  await view.getByRole('button', { name: 'Visa hela diagrammet' }).click();
  await expect.poll(async () => {
    const pools = await canvas.locator('g.djs-shape[data-element-id^="Participant_"]').evaluateAll((els) =>
      els.map((el) => el.getBoundingClientRect()),
    );
    const box = await canvas.boundingBox();
    return box !== null && pools.length > 0 && pools.every((p) => p.top >= box.y - 1 && p.bottom <= box.y + box.height + 1);
  }).toBe(true);

  // Wide canvases open with the overview map; its button says so and closes it.
  const map = view.getByRole('button', { name: 'Översiktskarta' });
  await expect(map).toHaveAttribute('aria-pressed', 'true');
  await expect(canvas.locator('.djs-minimap.open')).toBeVisible();
  await map.click();
  await expect(map).toHaveAttribute('aria-pressed', 'false');
  await expect(canvas.locator('.djs-minimap')).toBeHidden();
});

test('the toolbar above the canvas takes less than a third of a 720 px projector, and a phone keeps most of its screen', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const canvas = await openDemo(page);
  const top = async () => (await canvas.boundingBox())!.y;
  expect(await top()).toBeLessThan(720 / 3);
  await expect(page.getByRole('toolbar').getByRole('button', { name: 'Lägg till steg' })).toBeVisible();

  await page.setViewportSize({ width: 390, height: 844 });
  await openDemo(page);
  const toolbar = page.getByRole('toolbar', { name: 'Verktyg för flödet' });
  const toolbarBox = (await toolbar.boundingBox())!;
  expect(toolbarBox.height).toBeLessThan(50);
  // The rest is one button away.
  await expect(toolbar.getByRole('button', { name: 'Lägg till steg' })).toBeHidden();
  await toolbar.getByRole('button', { name: 'Fler åtgärder' }).click();
  await expect(toolbar.getByRole('button', { name: 'Lägg till steg' })).toBeVisible();
  await expect(page.getByLabel('Namn på versionen (till historiken)')).toBeVisible();
});

test('bpmn.io’s watermark has a name, stays fully visible, and none of our controls overlaps it', async ({ page }) => {
  for (const size of [{ width: 1280, height: 720 }, { width: 390, height: 844 }]) {
    await page.setViewportSize(size);
    const canvas = await openDemo(page);
    const watermark = canvas.getByRole('link', { name: 'Drivs av bpmn.io (öppnar en notis)' });
    await expect(watermark).toBeInViewport({ ratio: 1 });
    const mark = (await watermark.boundingBox())!;
    // Nothing covers it: the topmost element at each of its corners is the link itself.
    const covered = await watermark.evaluate((link) => {
      const r = link.getBoundingClientRect();
      const points = [[r.left + 1, r.top + 1], [r.right - 1, r.top + 1], [r.left + 1, r.bottom - 1], [r.right - 1, r.bottom - 1]];
      return points.filter(([x, y]) => !link.contains(document.elementFromPoint(x!, y!))).length;
    });
    expect(covered).toBe(0);
    const controls = [
      ...(await canvas.getByRole('group', { name: 'Diagramvy' }).getByRole('button').all()),
      canvas.locator('.djs-minimap'),
      canvas.locator('.djs-palette'),
    ];
    for (const control of controls) {
      const box = await control.boundingBox();
      if (!box) continue; // a closed minimap
      const gap = 8;
      const apart = box.x + box.width + gap <= mark.x || mark.x + mark.width + gap <= box.x || box.y + box.height + gap <= mark.y || mark.y + mark.height + gap <= box.y;
      expect(apart, `${await control.evaluate((el) => el.outerHTML.slice(0, 80))} keeps ${gap}px from the watermark`).toBe(true);
    }
  }
  // Its notice closes with Escape as well as with a click beside it.
  const canvas = page.getByRole('application');
  await canvas.getByRole('link', { name: /bpmn\.io/ }).click();
  await expect(page.locator('.bjs-powered-by-lightbox')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.locator('.bjs-powered-by-lightbox')).toHaveCount(0);
});

test('after switching to English the palette, the canvas buttons and the context pad are English, without a reload', async ({ page }) => {
  // An account and organisation of its own: the language choice is stored on the account, demo users
  // are shared, and the demo organisations keep their members. The flow is an import of the demo flow.
  const org = await createTestOrganisation();
  const me = await createMember('editor-lang', org.id, 'EDITOR');
  // The copy keeps its pools' links to Kommunen and Regionen, and each organisation edits its own pool:
  // to have a context pad to read, this person edits in both.
  for (const name of ['Kommunen', 'Regionen']) await addMember(me.id, await organisationIdByName(name), 'EDITOR');
  const [demo] = await sql<{ xml: string }>(
    'SELECT r."bpmnXml" AS xml FROM "FlowRevision" r JOIN "Flow" f ON f.id = r."flowId" WHERE f.name = $1 ORDER BY r.version DESC LIMIT 1',
    [DEMO_FLOW],
  );
  await page.context().clearCookies();
  await page.goto('/signin');
  await signInThroughForm(page, me.email, me.password);
  await expect(page).toHaveURL(/\/$/);
  const copyName = uniqueName('Språkbyte');
  const imported = await page.request.post(`/api/flows?name=${encodeURIComponent(copyName)}`, {
    headers: { 'Content-Type': 'application/xml' },
    data: demo!.xml,
  });
  expect(imported.status(), await imported.text()).toBe(201);
  const copy = { id: ((await imported.json()) as { id: string }).id, name: copyName };

  await page.goto(`/flows/${copy.id}`);
  // The canvas's own name changes with the language too: find it by role alone.
  const canvas = page.getByRole('application');
  const palette = canvas.locator('.djs-palette');
  await expect(palette.getByRole('button', { name: 'Starthändelse', exact: true })).toBeVisible();
  // A marker on the page that a reload would wipe.
  await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

  await page.getByRole('banner').getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en', { timeout: 20_000 });
  await expect(page.getByRole('application', { name: `Flow diagram: ${copy.name}` })).toBeVisible();
  await expect(palette.getByRole('button', { name: 'Create start event', exact: true })).toBeVisible();
  await expect(canvas.getByRole('group', { name: 'Diagram view' }).getByRole('button', { name: 'Zoom in' })).toBeVisible();
  await expect(canvas.getByRole('link', { name: 'Powered by bpmn.io (opens a notice)' })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);

  // The context pad of a selected element speaks English too.
  const box = (await canvas.boundingBox())!;
  const onScreen = await canvas.locator('g.djs-shape[data-element-id^="Task_"]').evaluateAll(
    (tasks, b) => tasks.map((t) => ({ id: t.getAttribute('data-element-id'), r: t.getBoundingClientRect() }))
      .find(({ r }) => r.left > b.x + 150 && r.right < b.x + b.width - 300 && r.top > b.y && r.bottom < b.y + b.height)?.id,
    box,
  );
  await canvas.locator(`g.djs-shape[data-element-id="${onScreen}"]`).click();
  await expect(page.locator('.djs-context-pad .entry[data-action="delete"]')).toHaveAttribute('title', 'Delete');
});

/** Whether `lines` are `name` broken only between words or at a hyphen (a soft one shown as "-"). */
function breaksOnlyBetweenWordsOrAtHyphens(name: string, lines: string[]): boolean {
  let rest = name.replace(/\s+/g, ' ').trim();
  for (const [i, line] of lines.entries()) {
    if (i === lines.length - 1) return rest === line;
    if (rest.startsWith(`${line} `)) rest = rest.slice(line.length + 1);
    else if (line.endsWith('-') && rest.startsWith(line)) rest = rest.slice(line.length);
    else if (line.endsWith('-') && rest.startsWith(line.slice(0, -1))) rest = rest.slice(line.length - 1);
    else return false;
  }
  return rest === '';
}

test('labels break long Swedish words at a syllable with a hyphen, never in the middle of one', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const canvas = await openDemo(page);
  const [revision] = await sql<{ xml: string }>(
    'SELECT r."bpmnXml" AS xml FROM "FlowRevision" r JOIN "Flow" f ON f.id = r."flowId" WHERE f.name = $1 ORDER BY r.version DESC LIMIT 1',
    [DEMO_FLOW],
  );
  const names = new Map(
    [...revision!.xml.matchAll(/<bpmn:\w*[tT]ask id="([^"]+)" name="([^"]+)"/g)].map((m) => [m[1]!, m[2]!.replace(/&#10;/g, ' ').replace(/&amp;/g, '&')]),
  );
  const labels = await canvas.locator('g.djs-shape[data-element-id^="Task_"]').evaluateAll((shapes) =>
    shapes.map((shape) => ({
      id: shape.getAttribute('data-element-id')!,
      lines: [...shape.querySelectorAll('.djs-visual > text tspan')].map((s) => (s.textContent ?? '').trim()),
    })),
  );
  expect(labels.length).toBeGreaterThan(5);
  // "Skicka inskrivningsmeddelande" in a task 100 wide: the compound breaks after "inskrivnings-".
  expect(labels.map((l) => l.lines.join('/'))).toContain('Skicka/inskrivnings-/meddelande');
  for (const { id, lines } of labels) {
    expect(breaksOnlyBetweenWordsOrAtHyphens(names.get(id) ?? '', lines), `${names.get(id)} drawn as ${lines.join(' / ')}`).toBe(true);
  }
});
