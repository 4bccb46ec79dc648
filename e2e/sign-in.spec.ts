import { randomUUID } from 'node:crypto';
import { DEMO_PASSWORD, DEMO_USERS, demoEmail, expect, storageStateFor, test } from './fixtures';
import { createTestAccount, expectSignedIn, signInAlert, signInThroughForm, useOwnAddress } from './auth-helpers';

test.describe('signing in', () => {
  for (const user of DEMO_USERS) {
    test(`${user} signs in and lands on the home page`, async ({ page }) => {
      await page.goto('/signin');
      await expect(page.getByRole('heading', { level: 1, name: 'Logga in' })).toBeVisible();
      await signInThroughForm(page, demoEmail(user), DEMO_PASSWORD);
      await expect(page).toHaveURL(/\/$/, { timeout: 30_000 });
      await expectSignedIn(page);
      await expect(page.getByRole('main')).toBeVisible();
    });
  }

  test('the email is not case sensitive', async ({ page }) => {
    await page.goto('/signin');
    await signInThroughForm(page, demoEmail('viewer').toUpperCase(), DEMO_PASSWORD);
    await expect(page).toHaveURL(/\/$/, { timeout: 30_000 });
    await expectSignedIn(page);
  });

  test('a wrong password says so without telling which part was wrong', async ({ page }) => {
    const account = await createTestAccount('wrong');
    await useOwnAddress(page);
    await page.goto('/signin');
    await signInThroughForm(page, account.email, 'not-the-password');
    await expect(signInAlert(page)).toContainText('Fel e-postadress eller lösenord');
    await expect(page).toHaveURL(/\/signin/, { timeout: 30_000 });
    await expect(page.getByLabel('Lösenord', { exact: true })).toHaveAttribute('aria-invalid', 'true');

    await signInThroughForm(page, `nobody-${randomUUID()}@auth.test`, 'whatever');
    await expect(signInAlert(page)).toContainText('Fel e-postadress eller lösenord');
  });

  test('after 5 failures the 6th attempt is refused even with the right password', async ({ page }) => {
    const account = await createTestAccount('lockout');
    await useOwnAddress(page);
    await page.goto('/signin');
    for (let i = 1; i <= 5; i++) {
      await signInThroughForm(page, account.email, `wrong-${i}`);
      await expect(signInAlert(page)).toContainText('Fel e-postadress eller lösenord');
      // Wait for the form to be ready again before the next try.
      await expect(page.getByRole('button', { name: 'Logga in', exact: true })).toBeEnabled();
    }
    await signInThroughForm(page, account.email, account.password);
    const alert = signInAlert(page);
    await expect(alert).toContainText('För många misslyckade inloggningsförsök');
    await expect(alert).toContainText(/Försök igen senare, om ungefär 1[45] minuter/);
    await expect(page).toHaveURL(/\/signin/, { timeout: 30_000 });
  });

  test('a signed-out visitor is sent to sign in and then back to the page asked for', async ({ page }) => {
    const account = await createTestAccount('callback');
    await page.goto('/profile');
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fprofile/, { timeout: 30_000 });
    await signInThroughForm(page, account.email, account.password);
    await expect(page).toHaveURL(/\/profile$/, { timeout: 30_000 });
    await expect(page.getByRole('heading', { level: 1, name: 'Min profil' })).toBeVisible();
  });

  test('a callbackUrl to another site is ignored', async ({ page }) => {
    const account = await createTestAccount('evil');
    await page.goto('/signin?callbackUrl=https%3A%2F%2Fevil.example%2F');
    await signInThroughForm(page, account.email, account.password);
    await expect(page).toHaveURL(/^http:\/\/(localhost|127\.0\.0\.1):\d+\/$/, { timeout: 30_000 });
  });

  test('signing out ends the session', async ({ page }) => {
    const account = await createTestAccount('signout');
    await page.goto('/signin');
    await signInThroughForm(page, account.email, account.password);
    await expectSignedIn(page);
    await page.getByRole('banner').getByRole('link', { name: 'Logga ut' }).click();
    await expect(page).toHaveURL(/\/signout$/, { timeout: 30_000 });
    await page.getByRole('main').getByRole('button', { name: 'Logga ut' }).click();
    await expect(page).toHaveURL(/\/signin/, { timeout: 30_000 });
    await page.goto('/profile');
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fprofile/, { timeout: 30_000 });
  });
});

test.describe('signed in', () => {
  test.use({ storageState: storageStateFor('viewer') });

  test('visiting /signin goes home', async ({ page }) => {
    await page.goto('/signin');
    await expect(page).toHaveURL(/\/$/, { timeout: 30_000 });
  });

  test('the header shows the app name, the menu and the language switch', async ({ page }) => {
    await page.goto('/profile');
    const banner = page.getByRole('banner');
    await expect(banner.getByRole('link', { name: /Stafett/ })).toHaveAttribute('href', '/');
    const nav = banner.getByRole('navigation', { name: 'Huvudmeny' });
    for (const [name, href] of [['Hem', '/'], ['Profil', '/profile']]) {
      await expect(nav.getByRole('link', { name, exact: true })).toHaveAttribute('href', href!);
    }
    // A viewer may not create flows: the header does not offer what would only be refused.
    for (const name of ['Nytt flöde', 'Importera']) await expect(nav.getByRole('link', { name, exact: true })).toHaveCount(0);
    await expect(nav.getByRole('link', { name: 'Profil' })).toHaveAttribute('aria-current', 'page');
    await expect(banner.getByRole('group', { name: 'Språk' })).toBeVisible();
  });

  test('an unknown address shows the 404 page', async ({ page }) => {
    const response = await page.goto(`/finns-inte-${randomUUID()}`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1, name: 'Vi hittar inte sidan' })).toBeVisible();
    await expect(page.getByRole('main').getByRole('link', { name: 'Till startsidan' })).toHaveAttribute('href', '/');
  });
});
