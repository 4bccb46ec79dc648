import { expect, storageStateFor, test } from './fixtures';
import { addMember, createApiToken, createMember, createTestFlow, createTestOrganisation, organisationIdByName } from './organisation-helpers';

// Who sees which organisation, proven from outside: pages and the API answer the same way.

let kommunId: string;
let regionId: string;

test.beforeAll(async () => {
  [kommunId, regionId] = await Promise.all([organisationIdByName('Kommunen'), organisationIdByName('Regionen')]);
});

test.describe('a kommun editor', () => {
  test.use({ storageState: storageStateFor('kommun.editor') });

  test('sees Kommunen’s roles but not its members, and gets no admin controls', async ({ page }) => {
    await page.goto(`/organisations/${kommunId}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Kommunen' })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Roller i Kommunen' })).toContainText('Biståndshandläggare');
    await expect(page.getByRole('heading', { name: 'Medlemmar' })).toHaveCount(0);
    await expect(page.getByText('kommun.admin@stafett.test')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Bjud in' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Lägg till roll' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: /Arkivera/ })).toHaveCount(0);
  });

  test('the API gives roles but no members', async ({ request }) => {
    const response = await request.get(`/api/organisations/${kommunId}`);
    expect(response.status()).toBe(200);
    const { organisation } = await response.json();
    expect(organisation.access).toBe('EDITOR');
    expect(organisation.roles.length).toBeGreaterThan(0);
    expect(organisation).not.toHaveProperty('members');
  });
});

for (const user of ['region.admin', 'region.editor'] as const) {
  test.describe(`${user}`, () => {
    test.use({ storageState: storageStateFor(user) });

    test('gets 404 for Kommunen’s page', async ({ page }) => {
      const response = await page.goto(`/organisations/${kommunId}`);
      expect(response?.status()).toBe(404);
      await expect(page.getByText('Kommunens sjuksköterska')).toHaveCount(0);
    });

    test('the API lists only Regionen and answers 404 for Kommunen', async ({ request }) => {
      const list = await request.get('/api/organisations');
      expect(list.status()).toBe(200);
      const { organisations } = await list.json();
      expect(organisations.map((o: { name: string }) => o.name)).toEqual(['Regionen']);
      expect(organisations[0]).toMatchObject({ id: regionId, kind: 'REGION', customerTerm: 'patient' });

      const other = await request.get(`/api/organisations/${kommunId}`);
      expect(other.status()).toBe(404);
      expect((await other.json()).error.code).toBe('NOT_FOUND');
    });
  });
}

test.describe('the viewer (member of both)', () => {
  test.use({ storageState: storageStateFor('viewer') });

  for (const name of ['Kommunen', 'Regionen']) {
    test(`sees ${name}, without members or admin controls`, async ({ page }) => {
      await page.goto(`/organisations/${name === 'Kommunen' ? kommunId : regionId}`);
      await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
      await expect(page.getByText('Läsare', { exact: true })).toBeVisible();
      await expect(page.getByRole('heading', { name: 'Medlemmar' })).toHaveCount(0);
      await expect(page.getByRole('button', { name: 'Lägg till roll' })).toHaveCount(0);
    });
  }

  test('sees both organisations on the home page', async ({ page }) => {
    await page.goto('/');
    const table = page.getByRole('table', { name: 'Organisationer där du är medlem' });
    await expect(table.getByRole('row', { name: /Kommunen.*Kommun.*Läsare/ })).toBeVisible();
    await expect(table.getByRole('row', { name: /Regionen.*Region.*Läsare/ })).toBeVisible();
  });

  test('the API lists both with viewer access', async ({ request }) => {
    const { organisations } = await (await request.get('/api/organisations')).json();
    expect(organisations.map((o: { name: string; access: string }) => [o.name, o.access])).toEqual([
      ['Kommunen', 'VIEWER'],
      ['Regionen', 'VIEWER'],
    ]);
  });
});

test.describe('the kommun admin', () => {
  test.use({ storageState: storageStateFor('kommun.admin') });

  test('the API includes Kommunen’s members', async ({ request }) => {
    const { organisation } = await (await request.get(`/api/organisations/${kommunId}`)).json();
    const emails = organisation.members.map((m: { email: string }) => m.email);
    expect(emails).toEqual(expect.arrayContaining(['kommun.admin@stafett.test', 'kommun.editor@stafett.test']));
    expect(emails).not.toContain('region.admin@stafett.test');
  });
});

test('signed out, the API answers 401 JSON, never a redirect', async ({ playwright, baseURL }) => {
  const anonymous = await playwright.request.newContext({ baseURL });
  const response = await anonymous.get('/api/organisations', { maxRedirects: 0 });
  expect(response.status()).toBe(401);
  expect((await response.json()).error.code).toBe('UNAUTHENTICATED');
  await anonymous.dispose();
});

test('GET /api/flows with a Bearer token lists exactly the flows of the caller’s organisations', async ({ playwright, baseURL }) => {
  const [mine, partner, foreign] = await Promise.all([createTestOrganisation(), createTestOrganisation(), createTestOrganisation()]);
  const me = await createMember('api', mine.id, 'VIEWER');
  const author = await createMember('api-author', partner.id, 'EDITOR');
  await addMember(author.id, foreign.id, 'EDITOR');
  const shared = await createTestFlow({ ownerId: partner.id, organisationIds: [partner.id, mine.id], authorId: author.id });
  await createTestFlow({ ownerId: foreign.id, organisationIds: [foreign.id, partner.id], authorId: author.id });

  const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${await createApiToken(me.id)}` } });
  const response = await api.get('/api/flows');
  expect(response.status()).toBe(200);
  const { flows } = await response.json();
  expect(flows.map((f: { id: string }) => f.id)).toEqual([shared.id]);
  expect(flows[0]).toMatchObject({
    name: shared.name,
    category: 'CORE',
    lastChange: { by: author.name },
  });
  expect(flows[0].organisations.map((o: { id: string }) => o.id).sort()).toEqual([mine.id, partner.id].sort());
  await api.dispose();
});

test.describe('the header offers only what one may do', () => {
  test.describe('as a viewer in every organisation', () => {
    test.use({ storageState: storageStateFor('viewer') });
    test('there is no "Nytt flöde" or "Importera", which would only refuse', async ({ page }) => {
      await page.goto('/');
      const menu = page.getByRole('banner').getByRole('navigation', { name: 'Huvudmeny' });
      await expect(menu.getByRole('link', { name: 'Hem' })).toBeVisible();
      await expect(menu.getByRole('link', { name: 'Profil' })).toBeVisible();
      await expect(menu.getByRole('link', { name: 'Nytt flöde' })).toHaveCount(0);
      await expect(menu.getByRole('link', { name: 'Importera' })).toHaveCount(0);
    });
  });

  test.describe('as an editor', () => {
    test.use({ storageState: storageStateFor('kommun.editor') });
    test('"Nytt flöde" and "Importera" are there', async ({ page }) => {
      await page.goto('/');
      const menu = page.getByRole('banner').getByRole('navigation', { name: 'Huvudmeny' });
      await expect(menu.getByRole('link', { name: 'Nytt flöde' })).toBeVisible();
      await expect(menu.getByRole('link', { name: 'Importera' })).toBeVisible();
    });
  });
});
