import type { Page } from '@playwright/test';
import { signInThroughForm } from './auth-helpers';
import { expect, test } from './fixtures';
import { createMember, createTestOrganisation, sql, uniqueName } from './organisation-helpers';

// Lists scale: with many flows, members and roles the home page and the organisation page show one
// page at a time (25 rows), searchable and filterable on the server through the URL; the organisation
// page shows the newest processes of each kind and links to the rest; old confirmations go away.

test.describe.configure({ timeout: 120_000 });

/** `count` flows of `organisationId` in one statement, last changed one minute apart (flow 0 oldest). */
async function insertFlows(organisationId: string, authorId: string, prefix: string, count: number) {
  await sql(
    `WITH made AS (
       INSERT INTO "Flow" (id, name, category, "ownerOrganisationId", "headVersion", "createdById", "createdAt", "updatedAt")
       SELECT 'e2e' || md5(random()::text || i), $1 || ' ' || CASE WHEN i % 2 = 0 THEN 'hemgång' ELSE 'utskrivning' END || ' ' || lpad(i::text, 3, '0'),
              (CASE WHEN i % 4 = 0 THEN 'SUPPORT' ELSE 'CORE' END)::"ProcessCategory", $2, 1, $3,
              now() - interval '1 day' + i * interval '1 minute', now()
       FROM generate_series(0, $4::int - 1) AS i
       RETURNING id, "createdAt"
     ), parts AS (
       INSERT INTO "FlowParticipant" ("flowId", "organisationId") SELECT id, $2 FROM made
     )
     INSERT INTO "FlowRevision" (id, "flowId", version, "bpmnXml", "authorId", "createdAt")
     SELECT 'e2e' || md5(random()::text || id), id, 1, '<x/>', $3, "createdAt" FROM made`,
    [prefix, organisationId, authorId, count],
  );
}

async function signIn(page: Page, account: { email: string; password: string }, path: string) {
  await page.goto(`/signin?callbackUrl=${encodeURIComponent(path)}`);
  await signInThroughForm(page, account.email, account.password);
  await expect(page.getByRole('banner').getByRole('link', { name: 'Logga ut' })).toBeVisible({ timeout: 30_000 });
}

test('the home page shows 60 flows 25 at a time, newest first, and searches and filters on the server', async ({ page }) => {
  const org = await createTestOrganisation();
  const me = await createMember('lists', org.id, 'EDITOR');
  const prefix = uniqueName('Listflöde');
  await insertFlows(org.id, me.id, prefix, 60);
  await signIn(page, me, '/');

  const flows = page.getByRole('table', { name: /Flöden som dina organisationer deltar i/ });
  await expect(flows.getByRole('row')).toHaveCount(26); // heading row + 25
  await expect(flows.getByRole('row').nth(1)).toContainText(`${prefix} utskrivning 059`);
  const pages = page.getByRole('navigation', { name: 'Sidor i listan över delade flöden' });
  await expect(pages).toContainText('Sida 1 av 3 (60 totalt)');

  await pages.getByRole('link', { name: 'Nästa sida' }).click();
  await expect(page).toHaveURL(/[?&]page=2/);
  await expect(pages).toContainText('Sida 2 av 3');
  await expect(flows.getByRole('row').nth(1)).toContainText(`${prefix} hemgång 034`);

  const search = page.getByRole('search', { name: 'Sök bland delade flöden' });
  await search.getByLabel('Sök på namn').fill(`${prefix} hemgång`);
  await search.getByLabel('Kategori').selectOption({ label: 'Stödprocess' });
  await search.getByRole('button', { name: 'Sök' }).click();
  await expect(page).toHaveURL(/category=SUPPORT/);
  // Every fourth flow is a support process, and all of those are "hemgång": 15 of them, one page.
  await expect(flows.getByRole('row')).toHaveCount(16);
  await expect(page.getByText('15 träffar')).toBeVisible();

  await search.getByLabel('Sök på namn').fill(`${prefix} finns inte`);
  await search.getByRole('button', { name: 'Sök' }).click();
  await expect(page.getByText('Inget matchar sökningen.')).toBeVisible();
});

test('the organisation page shows the newest processes, pages members and roles, and lets confirmations go', async ({ page }) => {
  const org = await createTestOrganisation();
  const admin = await createMember('lists-admin', org.id, 'ADMIN');
  await insertFlows(org.id, admin.id, uniqueName('Process'), 60);
  // 30 more members and 30 roles, straight in the database.
  await sql(
    `WITH users AS (
       INSERT INTO "User" (id, email, name, locale, "updatedAt")
       SELECT 'e2e' || md5(random()::text || i), 'e2e-many-' || md5(random()::text || i) || '@lists.test', 'Medlem ' || lpad(i::text, 2, '0'), 'sv', now()
       FROM generate_series(1, 30) AS i RETURNING id
     )
     INSERT INTO "Membership" (id, "userId", "organisationId", access, "updatedAt") SELECT 'e2e' || md5(random()::text || id), id, $1, 'VIEWER', now() FROM users`,
    [org.id],
  );
  await sql(
    `INSERT INTO "Role" (id, "organisationId", name, description, "updatedAt")
     SELECT 'e2e' || md5(random()::text || i), $1, 'Roll ' || lpad(i::text, 2, '0'), '', now() FROM generate_series(1, 30) AS i`,
    [org.id],
  );
  await signIn(page, admin, `/organisations/${org.id}`);
  await expect(page.getByRole('heading', { level: 1, name: org.name })).toBeVisible();

  // 45 core processes: the newest 10 here, the rest one link away.
  const core = page.getByRole('region', { name: 'Kärnprocesser' });
  await expect(core.getByRole('row')).toHaveCount(11);
  const showAll = core.getByRole('link', { name: 'Visa alla 45 kärnprocesser' });
  await expect(showAll).toHaveAttribute('href', `/?org=${org.id}&category=CORE`);
  // The whole page stays a few screens long, not 71,000 px.
  expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThan(9_000);

  const members = page.getByRole('table', { name: new RegExp(`Medlemmar i ${org.name}`) });
  await expect(members.getByRole('row')).toHaveCount(26);
  await expect(page.getByRole('navigation', { name: 'Sidor i medlemslistan' })).toContainText('Sida 1 av 2 (31 totalt)');
  const memberSearch = page.getByRole('search', { name: 'Sök bland medlemmar' });
  await memberSearch.getByLabel('Sök på namn').fill('Medlem 07');
  await memberSearch.getByRole('button', { name: 'Sök' }).click();
  await expect(members.getByRole('row')).toHaveCount(2);

  const roles = page.getByRole('table', { name: `Roller i ${org.name}` });
  await expect(roles.getByRole('row')).toHaveCount(26);
  await page.getByRole('navigation', { name: 'Sidor i rollkatalogen' }).getByRole('link', { name: 'Nästa sida' }).click();
  await expect(roles.getByRole('row')).toHaveCount(6);
  // The member search is kept while paging the roles.
  await expect(members.getByRole('row')).toHaveCount(2);

  // A confirmation is said, then goes away by itself.
  const addRole = page.getByRole('region', { name: 'Lägg till en roll' });
  await addRole.getByLabel('Rollens namn').fill('Ny roll i listan');
  await page.getByRole('button', { name: 'Lägg till roll' }).click();
  const confirmation = page.getByRole('status').filter({ hasText: 'Rollen Ny roll i listan har lagts till.' });
  await expect(confirmation).toBeVisible();
  await expect(confirmation).toBeHidden({ timeout: 15_000 });
});
