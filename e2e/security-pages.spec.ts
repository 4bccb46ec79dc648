import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { createTestAccount, expectSignedIn, signInThroughForm } from './auth-helpers';
import { expect, test } from './fixtures';
import { createMember, createTestOrganisation, sql } from './organisation-helpers';

// Issue 12, as a person meets it: "Logga ut överallt" ends every browser's session, and an invitation
// link shows a signed-out visitor the same page whether or not the invited address has an account.

test('"Logga ut överallt" on the profile ends the session in every browser, this one included', async ({ browser }) => {
  const account = await createTestAccount('everywhere');
  const [here, elsewhere] = [await browser.newContext({ locale: 'sv-SE' }), await browser.newContext({ locale: 'sv-SE' })];
  const [page, other] = [await here.newPage(), await elsewhere.newPage()];
  for (const p of [page, other]) {
    await p.goto('/signin?callbackUrl=%2Fprofile');
    await signInThroughForm(p, account.email, account.password);
    await expectSignedIn(p);
  }
  await page.getByRole('button', { name: 'Logga ut överallt' }).click();
  await expect(page).toHaveURL(/\/signin$/, { timeout: 30_000 });
  await expect(page.getByRole('banner').getByRole('link', { name: 'Logga ut' })).toHaveCount(0);

  await other.goto('/profile');
  await expect(other).toHaveURL(/\/signin\?callbackUrl=%2Fprofile/, { timeout: 30_000 });
  expect((await other.request.get('/api/me')).status()).toBe(401);
  await Promise.all([here.close(), elsewhere.close()]);
});

/** A valid invitation straight in the database; returns the link's secret. */
async function invite(organisationId: string, invitedById: string, email: string): Promise<string> {
  const secret = randomBytes(32).toString('base64url');
  await sql(
    `INSERT INTO "Invitation" (id, "organisationId", email, access, "tokenHash", "invitedById", "expiresAt") VALUES ($1, $2, $3, 'EDITOR', $4, $5, now() + interval '7 days')`,
    [`e2e${randomUUID().replace(/-/g, '')}`, organisationId, email, createHash('sha256').update(secret).digest('hex'), invitedById],
  );
  return secret;
}

test('signed out, an invitation link looks the same whether or not the address has an account', async ({ page }) => {
  const org = await createTestOrganisation();
  const admin = await createMember('inviter', org.id, 'ADMIN');
  const existing = await createTestAccount('has-account');
  const fresh = `e2e-ny-${randomUUID().slice(0, 8)}@org.test`;

  const seen: string[] = [];
  for (const email of [existing.email, fresh]) {
    await page.goto(`/invitations/${await invite(org.id, admin.id, email)}`);
    const main = page.getByRole('main');
    await expect(main.getByRole('heading', { level: 1, name: `Inbjudan till ${org.name}` })).toBeVisible();
    await expect(main.getByRole('link', { name: 'Logga in' })).toBeVisible();
    await expect(main.getByRole('button', { name: 'Skapa konto och gå med' })).toBeVisible();
    seen.push((await main.innerText()).replaceAll(email, '<e-post>').replace(/\d{1,2} \w+ \d{4}/, '<datum>'));
  }
  expect(seen[0]).toBe(seen[1]);
});
