import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import { signInThroughForm } from './auth-helpers';
import { expect, storageStateFor, test } from './fixtures';
import { createMember, createTestOrganisation, organisationIdByName, sql } from './organisation-helpers';

// Journey: an organisation admin manages members (invite, change access, remove) and the role
// catalogue; an invited person follows the link and joins. Mutations happen in organisations and on
// accounts the test makes itself; in Kommunen only a test member is changed and the invitation revoked.

const inviteeEmail = () => `e2e-inbjuden-${randomUUID().slice(0, 8)}@org.test`;

async function signInTo(page: Page, path: string, account: { email: string; password: string }) {
  await page.goto(`/signin?callbackUrl=${encodeURIComponent(path)}`);
  await signInThroughForm(page, account.email, account.password);
  await expect(page).toHaveURL(new RegExp(`${path}$`));
}

test.describe('the kommun admin', () => {
  test.use({ storageState: storageStateFor('kommun.admin') });

  test('sees Kommunen’s members and invites a person: the link is shown', async ({ page }) => {
    const kommunId = await organisationIdByName('Kommunen');
    await page.goto(`/organisations/${kommunId}`);
    const members = page.getByRole('table', { name: 'Medlemmar i Kommunen och deras behörighet' });
    await expect(members.getByRole('row', { name: /kommun\.editor@stafett\.test/ })).toContainText('Redigerare');
    await expect(members.getByRole('row', { name: /kommun\.admin@stafett\.test/ })).toContainText('Administratör');

    const email = inviteeEmail();
    await page.getByLabel('E-postadress', { exact: true }).fill(email);
    await page.getByLabel('Behörighet', { exact: true }).selectOption({ label: 'Redigerare' });
    await page.getByRole('button', { name: 'Bjud in' }).click();
    await expect(page.getByRole('status').filter({ hasText: `Inbjudan till ${email} är skapad` })).toBeVisible();
    await expect(page.getByLabel('Inbjudningslänk')).toHaveValue(/\/invitations\/[A-Za-z0-9_-]{40,}$/);
    await expect(page.getByRole('button', { name: 'Kopiera länken' })).toBeVisible();

    const pending = page.getByRole('table', { name: 'Inbjudningar som ännu inte har använts' });
    await expect(pending.getByRole('row', { name: new RegExp(email) })).toContainText('Redigerare');
    await page.getByRole('button', { name: `Återkalla inbjudan till ${email}` }).click();
    await expect(page.getByRole('button', { name: `Återkalla inbjudan till ${email}` })).toHaveCount(0);
  });

  test('says so when the email already belongs to a member', async ({ page }) => {
    await page.goto(`/organisations/${await organisationIdByName('Kommunen')}`);
    await page.getByLabel('E-postadress', { exact: true }).fill('kommun.editor@stafett.test');
    await page.getByRole('button', { name: 'Bjud in' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'redan medlem' })).toBeVisible();
    await expect(page.getByLabel('E-postadress', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  });

  test('changes a member’s access and removes them', async ({ page }) => {
    const kommunId = await organisationIdByName('Kommunen');
    const member = await createMember('access', kommunId, 'VIEWER');
    await page.goto(`/organisations/${kommunId}`);
    const row = page.getByRole('row', { name: new RegExp(member.email) });
    await expect(row).toContainText('Läsare');

    await page.getByLabel(`Behörighet för ${member.name}`).selectOption({ label: 'Redigerare' });
    await row.getByRole('button', { name: /Ändra behörighet/ }).click();
    await expect(row.getByRole('status')).toContainText('Behörigheten har ändrats');
    await expect(row.getByRole('cell', { name: 'Redigerare', exact: true })).toBeVisible();
    const [stored] = await sql<{ access: string }>('SELECT access FROM "Membership" WHERE "userId" = $1', [member.id]);
    expect(stored?.access).toBe('EDITOR');

    page.once('dialog', (dialog) => dialog.accept());
    await page.getByRole('button', { name: `Ta bort ${member.name} ur organisationen` }).click();
    await expect(page.getByRole('row', { name: new RegExp(member.email) })).toHaveCount(0);
  });
});

test.describe('an admin of their own organisation', () => {
  test('cannot demote themselves as the last admin', async ({ page }) => {
    const org = await createTestOrganisation();
    const admin = await createMember('lastadmin', org.id, 'ADMIN');
    await signInTo(page, `/organisations/${org.id}`, admin);
    await page.getByLabel(`Behörighet för ${admin.name}`).selectOption({ label: 'Läsare' });
    await page.getByRole('button', { name: `Ändra behörighet: ${admin.name}` }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'minst en administratör' })).toBeVisible();
    const [stored] = await sql<{ access: string }>('SELECT access FROM "Membership" WHERE "userId" = $1', [admin.id]);
    expect(stored?.access).toBe('ADMIN');
  });

  test('adds, renames and archives roles; a taken name is refused', async ({ page }) => {
    const org = await createTestOrganisation();
    const admin = await createMember('roles', org.id, 'ADMIN');
    await signInTo(page, `/organisations/${org.id}`, admin);
    await expect(page.getByText('Rollkatalogen är tom.')).toBeVisible();

    const addRole = page.getByRole('region', { name: 'Lägg till en roll' });
    await addRole.getByLabel('Rollens namn').fill('Biståndshandläggare');
    await addRole.getByLabel('Beskrivning (valfri)').fill('Beslutar om hemtjänst');
    await page.getByRole('button', { name: 'Lägg till roll' }).click();
    const roles = page.getByRole('table', { name: `Roller i ${org.name}` });
    await expect(roles.getByRole('row', { name: /Biståndshandläggare/ })).toContainText('Beslutar om hemtjänst');

    await addRole.getByLabel('Rollens namn').fill('biståndshandläggare');
    await page.getByRole('button', { name: 'Lägg till roll' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Det finns redan en roll med det namnet' })).toBeVisible();
    await expect(addRole.getByLabel('Rollens namn')).toHaveValue('biståndshandläggare');
    await expect(addRole.getByLabel('Rollens namn')).toHaveAttribute('aria-invalid', 'true');

    await page.getByText('Ändra', { exact: true }).click();
    await roles.getByRole('textbox', { name: 'Rollens namn' }).fill('Handläggare äldreomsorg');
    await page.getByRole('button', { name: 'Spara ändringar' }).click();
    await expect(roles.getByRole('row', { name: /Handläggare äldreomsorg/ })).toBeVisible();

    await page.getByRole('button', { name: 'Arkivera rollen Handläggare äldreomsorg' }).click();
    await expect(roles.getByRole('row', { name: /Handläggare äldreomsorg/ })).toContainText('Arkiverad');
    await expect(page.getByRole('button', { name: 'Återställ rollen Handläggare äldreomsorg' })).toBeVisible();
  });

  test('invites a new person, who creates an account from the link and lands in the organisation', async ({ page, browser }) => {
    const org = await createTestOrganisation();
    const admin = await createMember('inviter', org.id, 'ADMIN');
    await signInTo(page, `/organisations/${org.id}`, admin);
    const email = inviteeEmail();
    await page.getByLabel('E-postadress', { exact: true }).fill(email);
    await page.getByRole('button', { name: 'Bjud in' }).click();
    const link = await page.getByLabel('Inbjudningslänk').inputValue();

    const invitee = await browser.newContext({ locale: 'sv-SE' });
    const invitePage = await invitee.newPage();
    await invitePage.goto(new URL(link).pathname);
    await expect(invitePage.getByRole('heading', { level: 1, name: `Inbjudan till ${org.name}` })).toBeVisible();
    await expect(invitePage.getByText(`Inbjudan gäller ${email}`)).toBeVisible();
    await invitePage.getByLabel('Ditt namn').fill('Nyanställd Handläggare');
    await invitePage.getByLabel('Lösenord').fill('kort');
    await invitePage.getByRole('button', { name: 'Skapa konto och gå med' }).click();
    await expect(invitePage.getByRole('alert').filter({ hasText: 'minst 10 tecken' })).toBeVisible();

    await invitePage.getByLabel('Lösenord').fill('ett-bra-lösenord-2026');
    await invitePage.getByRole('button', { name: 'Skapa konto och gå med' }).click();
    await expect(invitePage).toHaveURL(new RegExp(`/organisations/${org.id}$`));
    await expect(invitePage.getByRole('heading', { level: 1, name: org.name })).toBeVisible();
    await expect(invitePage.getByText('Läsare', { exact: true })).toBeVisible();

    await invitePage.goto(new URL(link).pathname);
    await expect(invitePage.getByRole('alert').filter({ hasText: 'redan använts' })).toBeVisible();
    await invitee.close();
  });
});

test('an expired invitation link says so, signed out', async ({ page }) => {
  const org = await createTestOrganisation();
  const admin = await createMember('expired', org.id, 'ADMIN');
  const secret = randomBytes(32).toString('base64url');
  await sql(
    `INSERT INTO "Invitation" (id, "organisationId", email, access, "tokenHash", "invitedById", "expiresAt") VALUES ($1, $2, $3, 'VIEWER', $4, $5, now() - interval '1 day')`,
    [`e2e${randomUUID().replace(/-/g, '')}`, org.id, inviteeEmail(), createHash('sha256').update(secret).digest('hex'), admin.id],
  );
  await page.goto(`/invitations/${secret}`);
  await expect(page.getByRole('alert').filter({ hasText: 'Inbjudan har gått ut' })).toBeVisible();
  await page.goto(`/invitations/${randomBytes(32).toString('base64url')}`);
  await expect(page.getByRole('alert').filter({ hasText: 'finns inte' })).toBeVisible();
});
