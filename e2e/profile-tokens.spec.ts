import { randomUUID } from 'node:crypto';
import { request as apiRequest, type APIRequestContext } from '@playwright/test';
import { demoEmail, expect, storageStateFor, test } from './fixtures';

// A script's view of the API: a token made on /profile gives exactly its owner's identity, and a
// revoked token gives nothing. Calls go through a fresh request context with no cookies at all.

let api: APIRequestContext;

test.beforeAll(async ({ baseURL }) => {
  api = await apiRequest.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
});

test.afterAll(async () => {
  await api.dispose();
});

const me = (token?: string) =>
  api.get('/api/me', { headers: token ? { Authorization: `Bearer ${token}` } : {}, maxRedirects: 0 });

test('GET /api/me without a session or token answers 401 JSON, not a redirect', async () => {
  const response = await me();
  expect(response.status()).toBe(401);
  expect(response.headers()['content-type']).toContain('application/json');
  expect(await response.json()).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
  expect((await me('stf_not-a-real-token')).status()).toBe(401);
});

test.describe('personal API tokens', () => {
  test.use({ storageState: storageStateFor('kommun.editor') });

  test('a token created on the profile works as Bearer until it is revoked', async ({ page }) => {
    const name = `e2e-skript-${randomUUID().slice(0, 8)}`;
    await page.goto('/profile');
    await expect(page.getByRole('heading', { level: 1, name: 'Min profil' })).toBeVisible();
    await expect(page.getByText('Authorization: Bearer', { exact: true })).toBeVisible();

    await page.getByLabel('Namn på nyckeln').fill(name);
    await page.getByRole('button', { name: 'Skapa nyckel' }).click();
    const shown = page.getByLabel('API-nyckel', { exact: true });
    await expect(shown).toHaveValue(/^stf_/, { timeout: 20_000 });
    await expect(page.getByText('Den visas bara den här gången')).toBeVisible();
    const token = await shown.inputValue();

    const row = page.getByRole('row', { name: new RegExp(name) });
    await expect(row).toContainText(token.slice(0, 8));
    await expect(row).toContainText('Aktiv');
    // The list never shows the whole token.
    await expect(page.getByRole('table')).not.toContainText(token);

    const ok = await me(token);
    expect(ok.status()).toBe(200);
    const body = await ok.json();
    expect(body).toMatchObject({ email: demoEmail('kommun.editor'), locale: expect.any(String) });
    expect(body.organisations).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'Kommunen', kind: 'MUNICIPALITY', access: 'EDITOR' })]),
    );
    expect(JSON.stringify(body)).not.toContain('passwordHash');

    await row.getByRole('button', { name: `Återkalla nyckeln ${name}` }).click();
    await expect(row).toContainText('Återkallad', { timeout: 20_000 });
    await expect(row.getByRole('button')).toHaveCount(0);

    const revoked = await me(token);
    expect(revoked.status()).toBe(401);

    // Once the page is loaded again, the token is gone for good.
    await page.reload();
    await expect(page.getByLabel('API-nyckel', { exact: true })).toHaveCount(0);
    await expect(page.getByText(token)).toHaveCount(0);
  });

  test('a token needs a name', async ({ page }) => {
    await page.goto('/profile');
    const input = page.getByLabel('Namn på nyckeln');
    // Bypass the browser's own required check to prove the server validates too.
    await input.evaluate((el) => el.removeAttribute('required'));
    await input.fill('   ');
    await page.getByRole('button', { name: 'Skapa nyckel' }).click();
    await expect(page.getByRole('main').getByRole('alert')).toContainText('Ge nyckeln ett namn', { timeout: 20_000 });
    await expect(input).toHaveAttribute('aria-invalid', 'true');
  });
});
