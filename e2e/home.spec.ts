import type { Page } from '@playwright/test';
import { signInThroughForm } from './auth-helpers';
import { expect, test } from './fixtures';
import { addMember, createMember, createTestFlow, createTestOrganisation, uniqueName } from './organisation-helpers';

// Journey: the home page shows my organisations and the shared flows I take part in through any of
// them (never others'), with the participating organisations, category, last change and its author.

async function signInHome(page: Page, account: { email: string; password: string }) {
  await page.goto('/signin');
  await signInThroughForm(page, account.email, account.password);
  await expect(page).toHaveURL(/\/$/);
}

test('lists my organisations and only the flows they take part in', async ({ page }) => {
  const [mine, partner, foreign] = await Promise.all([createTestOrganisation(), createTestOrganisation(), createTestOrganisation()]);
  const me = await createMember('home', mine.id, 'EDITOR');
  const colleague = await createMember('author', partner.id, 'EDITOR');
  const shared = await createTestFlow({ ownerId: partner.id, organisationIds: [partner.id, mine.id], authorId: colleague.id, name: uniqueName('Delat flöde') });
  const hidden = await createTestFlow({ ownerId: foreign.id, organisationIds: [foreign.id, partner.id], authorId: colleague.id });

  await signInHome(page, me);
  const organisations = page.getByRole('table', { name: 'Organisationer där du är medlem' });
  await expect(organisations.getByRole('row', { name: new RegExp(`${mine.name}.*Kommun.*Redigerare`) })).toBeVisible();
  await expect(organisations.getByRole('row')).toHaveCount(2); // header + my one organisation

  const flows = page.getByRole('table', { name: /Flöden som dina organisationer deltar i/ });
  const row = flows.getByRole('row', { name: new RegExp(shared.name) });
  await expect(row).toContainText(mine.name);
  await expect(row).toContainText(partner.name);
  await expect(row).toContainText('Kärnprocess');
  await expect(row).toContainText(colleague.name);
  await expect(row.getByRole('link', { name: shared.name })).toHaveAttribute('href', `/flows/${shared.id}`);
  await expect(page.getByText(hidden.name)).toHaveCount(0);

  await page.getByRole('link', { name: mine.name }).click();
  await expect(page.getByRole('heading', { level: 1, name: mine.name })).toBeVisible();
  const core = page.getByRole('region', { name: 'Kärnprocesser' });
  await expect(core.getByRole('link', { name: shared.name })).toBeVisible();
  await expect(page.getByText('Inga stödprocesser ännu.')).toBeVisible();
  await expect(page.getByText('Inga ledningsprocesser ännu.')).toBeVisible();
});

test('without flows, an editor is invited to create one', async ({ page }) => {
  const org = await createTestOrganisation();
  const me = await createMember('empty', org.id, 'EDITOR');
  await signInHome(page, me);
  await expect(page.getByText('Dina organisationer deltar inte i något gemensamt flöde ännu.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Skapa ett flöde' })).toHaveAttribute('href', '/flows/new');
});

test('a viewer member of two organisations sees both, and no create button', async ({ page }) => {
  const [a, b] = await Promise.all([createTestOrganisation(), createTestOrganisation()]);
  const me = await createMember('viewer', a.id, 'VIEWER');
  await addMember(me.id, b.id, 'VIEWER');
  await signInHome(page, me);
  const organisations = page.getByRole('table', { name: 'Organisationer där du är medlem' });
  await expect(organisations.getByRole('row', { name: new RegExp(`${a.name}.*Läsare`) })).toBeVisible();
  await expect(organisations.getByRole('row', { name: new RegExp(`${b.name}.*Läsare`) })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Skapa ett flöde' })).toHaveCount(0);
});
