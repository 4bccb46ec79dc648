import { expect, test } from './fixtures';
import { createTestAccount, signInThroughForm } from './auth-helpers';

// Swedish by default; English on request from the header, remembered by a cookie (and on the account).

test('signed out: the sign-in page switches to English and back', async ({ page }) => {
  await page.goto('/signin');
  await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
  const banner = page.getByRole('banner');

  await banner.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en', { timeout: 20_000 });
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await expect(page.getByLabel('Email address', { exact: true })).toBeVisible();
  await expect(page.getByLabel('Password', { exact: true })).toBeVisible();

  await banner.getByRole('button', { name: 'Svenska' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'sv', { timeout: 20_000 });
  await expect(page.getByLabel('E-postadress', { exact: true })).toBeVisible();
});

test('signed in: the choice changes the whole UI, survives a reload and is kept on the account', async ({ page }) => {
  const account = await createTestAccount('lang');
  await page.goto('/signin?callbackUrl=%2Fprofile');
  await signInThroughForm(page, account.email, account.password);
  await expect(page.getByRole('heading', { level: 1, name: 'Min profil' })).toBeVisible({ timeout: 30_000 });
  const banner = page.getByRole('banner');

  await banner.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'My profile' })).toBeVisible({ timeout: 20_000 });
  await expect(banner.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Home' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'My profile' })).toBeVisible();
  // The profile shows the language stored on the account.
  await expect(page.getByRole('combobox', { name: 'Language' })).toHaveValue('en');

  await banner.getByRole('button', { name: 'Svenska' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Min profil' })).toBeVisible({ timeout: 20_000 });
  await expect(banner.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Hem' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Språk' })).toHaveValue('sv');
});

test('a new browser takes the language stored on the account at sign-in', async ({ page }) => {
  const account = await createTestAccount('lang-en', 'en');
  await page.goto('/signin?callbackUrl=%2Fprofile');
  await signInThroughForm(page, account.email, account.password);
  await expect(page.getByRole('heading', { level: 1, name: 'My profile' })).toBeVisible({ timeout: 30_000 });
});

test('a language chosen in this browser before sign-in wins over the account’s', async ({ page }) => {
  const account = await createTestAccount('lang-sv', 'sv');
  await page.goto('/signin?callbackUrl=%2Fprofile');
  await page.getByRole('banner').getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible({ timeout: 20_000 });
  await page.getByLabel('Email address', { exact: true }).fill(account.email);
  await page.getByLabel('Password', { exact: true }).fill(account.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'My profile' })).toBeVisible({ timeout: 30_000 });
});
