import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = { "@": path.resolve(import.meta.dirname) };

// The layers on a real PostgreSQL server run when TEST_DATABASE_URL names one (scripts/with-postgres.ts
// starts a throwaway cluster for `npm test`); without it they are left out, and say so.
const realServer = Boolean(process.env.TEST_DATABASE_URL);
if (!realServer && !process.env.VITEST_WORKER_ID) {
  const why = process.env.AIVI_REAL_POSTGRES_SKIPPED ?? "TEST_DATABASE_URL is not set";
  console.warn(`\nSKIPPED: the integration suite on a real PostgreSQL server and tests/postgres (${why}).\n`);
}
const integration: { include: string[]; environment: string; setupFiles: string[]; testTimeout: number; hookTimeout: number } = {
  include: ["tests/integration/**/*.test.{ts,tsx}"],
  environment: "node",
  setupFiles: ["tests/helpers/db-setup.ts"],
  testTimeout: 30_000,
  hookTimeout: 60_000,
};
const onRealServer = { AIVI_TEST_ENGINE: "postgres" };

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: { name: "unit", include: ["tests/unit/**/*.test.{ts,tsx}"], environment: "node" },
      },
      {
        resolve: { alias },
        test: { name: "integration", globalSetup: ["tests/helpers/db-global-setup.ts"], ...integration },
      },
      ...(realServer
        ? [
            {
              resolve: { alias },
              // The same files on a real server: one database per file, made from a migrated template.
              test: { name: "integration:postgres", globalSetup: ["tests/helpers/real-postgres-template.ts"], env: onRealServer, ...integration },
            },
            {
              resolve: { alias },
              // What only a real server can show: concurrent transactions and several runner processes.
              test: {
                name: "postgres",
                include: ["tests/postgres/**/*.test.ts"],
                environment: "node",
                globalSetup: ["tests/helpers/real-postgres-template.ts"],
                setupFiles: ["tests/helpers/db-setup.ts"],
                env: onRealServer,
                testTimeout: 120_000,
                hookTimeout: 60_000,
              },
            },
          ]
        : []),
      {
        resolve: { alias },
        test: {
          name: "browser",
          include: ["tests/browser/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/helpers/app-global-setup.ts"],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
