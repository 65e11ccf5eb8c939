import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = { "@": path.resolve(import.meta.dirname) };

// The layers on a real PostgreSQL server run when TEST_DATABASE_URL names one (scripts/with-postgres.ts
// starts a throwaway cluster for `npm test`); without it they are left out, and say so.
const realServer = Boolean(process.env.TEST_DATABASE_URL);
// Vitest evaluates this file again per project and in workers: the notices below are printed once.
const printed = globalThis as { __aiviRealServerNotice?: boolean };
const quiet = Boolean(process.env.VITEST_WORKER_ID) || printed.__aiviRealServerNotice === true;
printed.__aiviRealServerNotice = true;
if (!realServer && !quiet) {
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
// Files not yet passing on the real server, each with why; they still run on the embedded engine.
// Listed, and printed, rather than silently left out: each is work to do (README, Status).
const notYetOnRealServer: Record<string, string> = {
  "tests/integration/overload.test.ts": "saturates the embedded engine's 4-connection pool; a real server's pool is not saturated the same way",
};

if (realServer && !quiet) {
  for (const [file, why] of Object.entries(notYetOnRealServer)) console.warn(`SKIPPED on the real server: ${file} (${why})`);
}

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
              test: {
                name: "integration:postgres",
                globalSetup: ["tests/helpers/real-postgres-template.ts"],
                env: onRealServer,
                ...integration,
                exclude: Object.keys(notYetOnRealServer),
              },
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
