import path from 'node:path';
import { expect, storageStateFor, test } from './fixtures';

// Journey: import a BPMN file made elsewhere (an MIWG reference model), see it drawn, map one of its
// pools to Kommunen and a lane to a role, and see the mapping saved as a new version. A file with a
// DOCTYPE is refused with a message and creates nothing.

test.use({ storageState: storageStateFor('kommun.editor') });

const MIWG_C1 = path.resolve(__dirname, '..', 'testdata', 'bpmn-miwg-reference', 'C.1.0.bpmn');

const unique = (prefix: string) => `${prefix} ${Date.now()}-${Math.random().toString(36).slice(2, 7)}`;

test('import an MIWG model, see it drawn and map a pool to Kommunen', async ({ page }) => {
  test.setTimeout(180_000); // several pages and two bpmn-js canvases on a shared dev server
  const name = unique('Import e2e');
  await page.goto('/flows/import');
  await expect(page.getByRole('heading', { level: 1, name: 'Importera BPMN-fil' })).toBeVisible();
  await page.getByLabel('BPMN-fil').setInputFiles(MIWG_C1);
  await page.getByLabel('Namn', { exact: true }).fill(name);
  await page.getByLabel('Ägande organisation').selectOption({ label: 'Kommunen' });
  await page.getByRole('button', { name: 'Importera' }).click();

  await expect(page.getByRole('heading', { name: `Flödet ”${name}” har importerats` })).toBeVisible();
  const mapLink = page.getByRole('link', { name: 'Koppla pooler till organisationer' });
  const flowPath = (await mapLink.getAttribute('href'))!.replace(/\/mapping$/, '');

  await page.getByRole('link', { name: 'Öppna flödet' }).click();
  await expect(page).toHaveURL(new RegExp(`${flowPath}$`));
  await expect(page.locator('[data-element-id="Process_Engine_1"]').first()).toBeVisible();
  await expect(page.locator('[data-element-id]').filter({ hasText: 'Approver' }).first()).toBeVisible();

  await page.goto(`${flowPath}/mapping`);
  await expect(page.getByRole('heading', { level: 1, name: 'Koppla pooler och simbanor' })).toBeVisible();
  const pool = page.getByRole('group', { name: 'Pool ”Process Engine - Invoice Receipt”' });
  await pool.getByLabel('Organisation').selectOption({ label: 'Kommunen' });
  await pool.getByLabel('Simbana ”Approver”: Roll').selectOption({ label: 'Biståndshandläggare' });
  await page.getByRole('button', { name: 'Spara kopplingarna' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Kopplingarna sparades' })).toContainText('version 2');

  // Saved, not just shown: a fresh page preselects the mapping (a linked pool takes its organisation's
  // name, a linked lane its role's name), and the history has version 2.
  await page.goto(`${flowPath}/mapping`);
  await expect(page.getByRole('group', { name: 'Pool ”Process Engine - Invoice Receipt”' })).toHaveCount(0);
  const mapped = page.getByRole('group', { name: 'Pool ”Kommunen”' });
  await expect(mapped.getByLabel('Organisation').locator('option:checked')).toHaveText('Kommunen');
  await expect(mapped.getByLabel('Simbana ”Biståndshandläggare”: Roll').locator('option:checked')).toHaveText('Biståndshandläggare');
  await expect(mapped.getByLabel('Simbana ”Approver”: Roll')).toHaveCount(0);
  await page.goto(`${flowPath}/history`);
  await expect(page.getByRole('table', { name: /Versioner av/ }).getByRole('row', { name: /^2\b/ })).toBeVisible();

  // "Inte kopplad" removes the links again: the pool's, and with it its lane's role.
  await page.goto(`${flowPath}/mapping`);
  await mapped.getByLabel('Organisation').selectOption({ label: 'Inte kopplad' });
  await page.getByRole('button', { name: 'Spara kopplingarna' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Kopplingarna sparades' })).toContainText('version 3');
  await page.goto(`${flowPath}/mapping`);
  await expect(mapped.getByLabel('Organisation').locator('option:checked')).toHaveText('Inte kopplad');
  await mapped.getByLabel('Organisation').selectOption({ label: 'Kommunen' });
  await expect(mapped.getByLabel('Simbana ”Biståndshandläggare”: Roll').locator('option:checked')).toHaveText('Inte kopplad');
});

test('a file with a DOCTYPE is refused, the form keeps its values and no flow is created', async ({ page, request }) => {
  const name = unique('Doctype e2e');
  const evil = `<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D" targetNamespace="x">
  <bpmn:process id="P"><bpmn:task id="T" name="&lol2;" /></bpmn:process>
</bpmn:definitions>`;
  await page.goto('/flows/import');
  await page.getByLabel('BPMN-fil').setInputFiles({ name: 'lolz.bpmn', mimeType: 'application/xml', buffer: Buffer.from(evil) });
  await page.getByLabel('Namn', { exact: true }).fill(name);
  await page.getByRole('button', { name: 'Importera' }).click();

  const alert = page.getByRole('alert').filter({ hasText: 'Filen kunde inte importeras' });
  // Said in Swedish by its reason (DOCTYPE), not the server's English message.
  await expect(alert).toContainText('Filen innehåller en DOCTYPE- eller ENTITY-deklaration');
  await expect(alert).not.toContainText('must not contain');
  await expect(page.getByLabel('BPMN-fil')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Namn', { exact: true })).toHaveValue(name);

  const flows = (await (await request.get('/api/flows')).json()) as { flows: { name: string }[] };
  expect(flows.flows.map((f) => f.name)).not.toContain(name);
});

test('a file without a diagram says so in words, never a blank canvas', async ({ page }) => {
  const noLayout = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D1" targetNamespace="http://stafett.se/e2e">
  <bpmn:process id="P1"><bpmn:startEvent id="S1" /><bpmn:task id="T1" name="Ring brukaren" /><bpmn:sequenceFlow id="F1" sourceRef="S1" targetRef="T1" /></bpmn:process>
</bpmn:definitions>`;
  await page.goto('/flows/import');
  await page.getByLabel('BPMN-fil').setInputFiles({ name: 'utan-layout.bpmn', mimeType: 'application/xml', buffer: Buffer.from(noLayout) });
  await page.getByLabel('Namn', { exact: true }).fill(unique('Utan layout e2e'));
  await page.getByRole('button', { name: 'Importera' }).click();
  await expect(page.getByRole('heading', { name: /har importerats/ })).toBeVisible();
  // Either Stafett laid it out (and says so) or it cannot be drawn (and says so).
  await expect(page.getByText(/Filen sakna(r|de) diagraminformation \(layout\)/)).toBeVisible();
});
