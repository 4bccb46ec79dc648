import { defineConfig } from 'prisma/config';

// Prisma 7 reads no .env by itself; load one if the user keeps their settings there.
try {
  process.loadEnvFile();
} catch {
  // no .env: the environment (or the default below) decides
}

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations', seed: 'tsx prisma/seed.ts' },
  datasource: {
    url: process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/stafett',
  },
});
