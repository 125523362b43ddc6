import { defineConfig } from 'vitest/config';

// Database tests run once per database: always on PGlite, and again on the PostgreSQL server
// when TEST_DATABASE_URL is set (CI sets it). The helper in server/db/test-database.ts picks the
// database from HOPTAC_TEST_DB.
const databaseTests = ['server/**/*.test.ts', 'cli/**/*.test.ts'];
const hasPostgres = Boolean(process.env.TEST_DATABASE_URL);

export default defineConfig({
  test: {
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['common/**/*.test.ts', 'reader/**/*.test.ts', 'web/**/*.test.{ts,tsx}'],
        },
      },
      {
        extends: true,
        test: {
          name: 'pglite',
          include: databaseTests,
          env: { HOPTAC_TEST_DB: 'pglite' },
          globalSetup: ['server/db/test-template.global-setup.ts'],
        },
      },
      ...(hasPostgres
        ? [
            {
              extends: true as const,
              test: { name: 'postgres', include: databaseTests, env: { HOPTAC_TEST_DB: 'postgres' } },
            },
          ]
        : []),
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 240_000,
          fileParallelism: false,
          globalSetup: ['e2e/global-setup.ts'],
        },
      },
    ],
  },
});
