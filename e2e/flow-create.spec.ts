import { expect, storageStateFor, test } from './fixtures';

// Journey: a kommun editor starts a shared flow with the region from the form, choosing roles on both
// sides, and lands in the editor with one pool per organisation and one lane per chosen role.

test.use({ storageState: storageStateFor('kommun.editor') });

test('create a shared flow for Kommunen and Regionen with chosen roles', async ({ page }) => {
  const name = `Utskrivning e2e ${Date.now()}-${Math.random().toString(36).slice(2, 7)}`;
  await page.goto('/flows/new');
  await expect(page.getByRole('heading', { level: 1, name: 'Nytt delat flöde' })).toBeVisible();

  await page.getByLabel('Namn', { exact: true }).fill(name);
  await page.getByLabel('Syfte').fill('Trygg hemgång efter sjukhusvistelse');
  await page.getByRole('radio', { name: /Kärnprocess/ }).check();

  // Roles appear only once their organisation is ticked.
  await expect(page.getByRole('group', { name: 'Roller i Kommunen' })).toHaveCount(0);
  await page.getByRole('checkbox', { name: /^Kommunen/ }).check();
  const kommunRoles = page.getByRole('group', { name: 'Roller i Kommunen' });
  await kommunRoles.getByRole('checkbox', { name: 'Biståndshandläggare' }).check();
  await kommunRoles.getByRole('checkbox', { name: 'Kommunens sjuksköterska' }).check();
  // Keyboard works too: focus the Regionen checkbox and press space.
  await page.getByRole('checkbox', { name: /^Regionen/ }).focus();
  await page.keyboard.press('Space');
  const regionRoles = page.getByRole('group', { name: 'Roller i Regionen' });
  await regionRoles.getByRole('checkbox', { name: 'Avdelningssjuksköterska' }).check();
  await page.getByLabel('Ägande organisation').selectOption({ label: 'Kommunen' });

  await page.getByRole('button', { name: 'Skapa flödet' }).click();
  await expect(page).toHaveURL(/\/flows\/[A-Za-z0-9_-]+$/);

  const shapes = page.locator('[data-element-id]');
  for (const text of ['Kommunen', 'Regionen', 'Biståndshandläggare', 'Kommunens sjuksköterska', 'Avdelningssjuksköterska']) {
    await expect(shapes.filter({ hasText: text }).first()).toBeVisible();
  }
  // A role that was not chosen is not drawn.
  await expect(shapes.filter({ hasText: 'Läkare' })).toHaveCount(0);
});

test('an empty name shows the error beside the field and keeps what was typed', async ({ page }) => {
  await page.goto('/flows/new');
  await page.getByLabel('Syfte').fill('Syftet ska finnas kvar');
  await page.getByRole('radio', { name: /Stödprocess/ }).check();
  await page.getByRole('checkbox', { name: /^Regionen/ }).check();
  await page.getByRole('group', { name: 'Roller i Regionen' }).getByRole('checkbox', { name: 'Läkare' }).check();

  await page.getByRole('button', { name: 'Skapa flödet' }).click();

  await expect(page.getByRole('alert').filter({ hasText: 'Formuläret innehåller fel' })).toContainText('Ange ett namn på flödet.');
  const nameField = page.getByLabel('Namn', { exact: true });
  await expect(nameField).toHaveAttribute('aria-invalid', 'true');
  await expect(nameField).toHaveAccessibleDescription(/Ange ett namn på flödet\./);
  await expect(page).toHaveURL(/\/flows\/new$/);
  await expect(page.getByLabel('Syfte')).toHaveValue('Syftet ska finnas kvar');
  await expect(page.getByRole('radio', { name: /Stödprocess/ })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: /^Regionen/ })).toBeChecked();
  await expect(page.getByRole('group', { name: 'Roller i Regionen' }).getByRole('checkbox', { name: 'Läkare' })).toBeChecked();
});
