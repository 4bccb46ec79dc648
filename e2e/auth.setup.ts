import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { test as setup, expect } from '@playwright/test';
import { DEMO_PASSWORD, DEMO_USERS, demoEmail, storageStateFor } from './fixtures';

// Signs in once per demo user through the real sign-in page and saves the session, so specs start
// signed in (`test.use({ storageState: storageStateFor('kommun.editor') })`) without repeating it.

mkdirSync(path.dirname(storageStateFor('viewer')), { recursive: true });

for (const user of DEMO_USERS) {
  setup(`sign in as ${user}`, async ({ page }) => {
    await page.goto('/signin');
    await page.getByLabel('E-postadress', { exact: true }).fill(demoEmail(user));
    await page.getByLabel('Lösenord', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Logga in' }).click();
    await expect(page).not.toHaveURL(/\/signin/);
    await page.context().storageState({ path: storageStateFor(user) });
  });
}
