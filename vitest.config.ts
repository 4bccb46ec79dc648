import path from 'node:path';
import { defineConfig } from 'vitest/config';

// Vitest reads no .env by itself (nor does Prisma 7): load one if the developer keeps settings there.
try {
  process.loadEnvFile();
} catch {
  // no .env: the environment decides
}

const root = path.resolve(__dirname);

export default defineConfig({
  resolve: {
    alias: [{ find: /^@\//, replacement: `${root}/` }],
  },
  test: {
    environment: 'node',
    include: ['**/*.test.ts'],
    exclude: ['e2e/**', 'node_modules/**', '.next/**', 'playwright-report/**', 'test-results/**'],
    // Creates a throw-away migrated database for *.int.test.ts and drops it afterwards.
    globalSetup: ['./vitest.global-setup.ts'],
    // Integration tests create uniquely named data, so files may run in parallel against one database.
    fileParallelism: true,
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
