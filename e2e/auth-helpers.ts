import { randomBytes, randomUUID } from 'node:crypto';
import { expect, type Page } from '@playwright/test';
import { Client } from 'pg';
import { hashPassword } from '../lib/auth/password';

// Test data for the sign-in journeys: each test makes its own account straight in the database the
// app under test uses (plain SQL: Prisma's generated ESM client does not load in Playwright's CJS
// transform). Demo users are never locked out or changed by these tests.

const databaseUrl = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/stafett';

export type TestAccount = { id: string; email: string; name: string; password: string };

export async function createTestAccount(label: string, locale = 'sv'): Promise<TestAccount> {
  const suffix = randomUUID().slice(0, 8);
  const account = {
    id: `e2e${randomUUID().replace(/-/g, '')}`,
    email: `e2e-${label}-${suffix}@auth.test`,
    name: `E2E ${label} ${suffix}`,
    password: `pw-${randomBytes(6).toString('hex')}`,
  };
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('INSERT INTO "User" (id, email, name, "passwordHash", locale, "updatedAt") VALUES ($1, $2, $3, $4, $5, now())', [
      account.id,
      account.email,
      account.name,
      await hashPassword(account.password),
      locale,
    ]);
  } finally {
    await client.end();
  }
  return account;
}

/**
 * Every test that fails sign-ins on purpose comes from its own made-up address (X-Forwarded-For),
 * so the per-address limit never locks out the other tests, which all come from 127.0.0.1.
 */
export async function useOwnAddress(page: Page): Promise<string> {
  const ip = `198.51.100.${Math.floor(Math.random() * 250) + 1}-${randomUUID().slice(0, 8)}`;
  await page.setExtraHTTPHeaders({ 'x-forwarded-for': ip });
  return ip;
}

export async function signInThroughForm(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('E-postadress', { exact: true }).fill(email);
  await page.getByLabel('Lösenord', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Logga in', exact: true }).click();
}

export async function expectSignedIn(page: Page): Promise<void> {
  await expect(page.getByRole('banner').getByRole('link', { name: 'Logga ut' })).toBeVisible({ timeout: 30_000 });
}

/** The sign-in form's message region (Next's own route announcer is an alert too, outside <main>). */
export function signInAlert(page: Page) {
  return page.getByRole('main').getByRole('alert');
}
