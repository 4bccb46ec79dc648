import { createHash, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { createTestAccount, type TestAccount } from './auth-helpers';

// Test data for the organisation journeys, straight in the app's database with plain SQL (Prisma's
// generated ESM client does not load in Playwright's transform). Every name is unique, so tests run
// in parallel and leave the demo organisations as they were.

const databaseUrl = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/stafett';

type Access = 'VIEWER' | 'EDITOR' | 'ADMIN';

export async function sql<T = Record<string, unknown>>(text: string, values: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query(text, values)).rows as T[];
  } finally {
    await client.end();
  }
}

export function uniqueName(prefix: string): string {
  return `${prefix} ${randomUUID().slice(0, 8)}`;
}

const newId = () => `e2e${randomUUID().replace(/-/g, '')}`;

export async function organisationIdByName(name: string): Promise<string> {
  const [row] = await sql<{ id: string }>('SELECT id FROM "Organisation" WHERE name = $1', [name]);
  if (!row) throw new Error(`No organisation named ${name}: is the demo seed in place?`);
  return row.id;
}

export async function createTestOrganisation(name = uniqueName('E2E-organisation')): Promise<{ id: string; name: string }> {
  const id = newId();
  await sql(
    `INSERT INTO "Organisation" (id, name, kind, "customerTerm", colour, "updatedAt") VALUES ($1, $2, 'MUNICIPALITY', 'brukare', '#2e7d4f', now())`,
    [id, name],
  );
  return { id, name };
}

export async function addMember(userId: string, organisationId: string, access: Access): Promise<void> {
  await sql(`INSERT INTO "Membership" (id, "userId", "organisationId", access, "updatedAt") VALUES ($1, $2, $3, $4, now())`, [
    newId(),
    userId,
    organisationId,
    access,
  ]);
}

/** A fresh account that is `access` in the organisation; sign in with its password. */
export async function createMember(label: string, organisationId: string, access: Access): Promise<TestAccount> {
  const account = await createTestAccount(label);
  await addMember(account.id, organisationId, access);
  return account;
}

/** A flow with one saved revision by `authorId`, taking part through the given organisations. */
export async function createTestFlow(opts: { name?: string; ownerId: string; organisationIds: string[]; authorId: string; category?: string }) {
  const id = newId();
  const name = opts.name ?? uniqueName('E2E-flöde');
  await sql(
    `INSERT INTO "Flow" (id, name, category, "ownerOrganisationId", "headVersion", "createdById", "updatedAt") VALUES ($1, $2, $3, $4, 1, $5, now())`,
    [id, name, opts.category ?? 'CORE', opts.ownerId, opts.authorId],
  );
  for (const organisationId of opts.organisationIds) {
    await sql(`INSERT INTO "FlowParticipant" ("flowId", "organisationId") VALUES ($1, $2)`, [id, organisationId]);
  }
  await sql(`INSERT INTO "FlowRevision" (id, "flowId", version, "bpmnXml", "authorId") VALUES ($1, $2, 1, $3, $4)`, [
    newId(),
    id,
    '<?xml version="1.0" encoding="UTF-8"?><bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="http://stafett.se/e2e"/>',
    opts.authorId,
  ]);
  return { id, name };
}

/** A personal API token for the account, stored hashed like the real ones; returns the secret. */
export async function createApiToken(userId: string): Promise<string> {
  const secret = `stf_${randomUUID().replace(/-/g, '')}${randomUUID().replace(/-/g, '')}`;
  await sql(`INSERT INTO "ApiToken" (id, "userId", name, "tokenHash", prefix) VALUES ($1, $2, 'e2e', $3, $4)`, [
    newId(),
    userId,
    createHash('sha256').update(secret).digest('hex'),
    secret.slice(0, 8),
  ]);
  return secret;
}
