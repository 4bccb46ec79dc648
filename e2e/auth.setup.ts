import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect, request, test as setup } from '@playwright/test';
import { DEMO_PASSWORD, DEMO_USERS, demoEmail, storageStateFor, type DemoUser } from './fixtures';

// Signs in once per demo user through the real sign-in page and saves the session, so specs start
// signed in (`test.use({ storageState: storageStateFor('kommun.editor') })`) without repeating it.

mkdirSync(path.dirname(storageStateFor('viewer')), { recursive: true });

/**
 * Against a long-running server (E2E_BASE_URL, e.g. the shared dev server) a saved session that still
 * works is kept: signing in through a compiling dev server costs ~20 s a user. `npm test` starts a new
 * server with a new secret each run, so there the old files never pass this check.
 */
async function stillSignedIn(user: DemoUser, baseURL: string | undefined): Promise<boolean> {
  if (!process.env.E2E_BASE_URL || !existsSync(storageStateFor(user))) return false;
  const context = await request.newContext({ baseURL, storageState: storageStateFor(user) });
  try {
    const response = await context.get('/api/me', { maxRedirects: 0 });
    return response.ok() && (await response.text()).includes(demoEmail(user));
  } finally {
    await context.dispose();
  }
}

for (const user of DEMO_USERS) {
  setup(`sign in as ${user}`, async ({ page, baseURL }) => {
    if (await stillSignedIn(user, baseURL)) return;
    await page.goto('/signin');
    await page.getByLabel('E-postadress', { exact: true }).fill(demoEmail(user));
    await page.getByLabel('Lösenord', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Logga in' }).click();
    // Lands on the callbackUrl or `/`; a failed sign-in stays on /signin and times out here.
    await page.waitForURL((url) => !url.pathname.startsWith('/signin'), { timeout: 60_000 });
    await expect(page.getByRole('main')).toBeVisible();
    await page.context().storageState({ path: storageStateFor(user) });
  });
}
