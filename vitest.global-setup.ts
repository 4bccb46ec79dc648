import type { TestProject } from 'vitest/node';
import {
  DEFAULT_TEST_BASE_URL,
  createThrowawayDatabase,
  dropThrowawayDatabase,
  redactUrl,
} from './lib/db/databases';
import { migrate } from './lib/db/migrate';

// One throw-away database per Vitest run: created empty, migrated with the same runner as
// production, handed to the workers as DATABASE_URL, dropped at teardown. Never the dev database.

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

// Where no PostgreSQL answers, unit tests still run; integration tests then fail on this address
// (nothing listens on port 1) instead of silently falling back to the dev database.
const UNREACHABLE_URL = 'postgresql://postgres@127.0.0.1:1/stafett_test_unavailable';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const baseUrl = process.env.TEST_DATABASE_BASE_URL ?? DEFAULT_TEST_BASE_URL;
  let databaseUrl: string;
  try {
    databaseUrl = await createThrowawayDatabase(baseUrl);
  } catch (error) {
    console.warn(`\n[vitest] PostgreSQL at ${redactUrl(baseUrl)} is not reachable (${(error as Error).message}); *.int.test.ts will fail.\n`);
    process.env.DATABASE_URL = UNREACHABLE_URL;
    project.provide('databaseUrl', UNREACHABLE_URL);
    return async () => {};
  }
  try {
    await migrate({ databaseUrl, engine: 'runner' });
  } catch (error) {
    await dropThrowawayDatabase(databaseUrl);
    throw error;
  }
  // Workers are started after global setup and inherit this environment.
  process.env.DATABASE_URL = databaseUrl;
  project.provide('databaseUrl', databaseUrl);
  return async () => {
    await dropThrowawayDatabase(databaseUrl);
  };
}
