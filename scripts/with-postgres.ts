// Runs a command with TEST_DATABASE_URL pointing at a real PostgreSQL server, for the test layers
// that run on one (vitest.config.ts defines them only then). An URL already set is used as it is;
// otherwise a throwaway cluster is started (on TEST_PG_PORT, or a free port) and removed after.
// Without PostgreSQL 15 and pgvector the command runs anyway and the real-server layers say why
// they were skipped, so the test command passes on a machine without ../shared.
import { spawn } from "node:child_process";
import { startRealPostgres, whyNoRealPostgres, type RealPostgres } from "../tests/helpers/real-postgres";

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error("usage: tsx scripts/with-postgres.ts <command> [args…]");
  process.exit(2);
}

let pg: RealPostgres | null = null;
const env = { ...process.env };
if (!env.TEST_DATABASE_URL) {
  const missing = await whyNoRealPostgres();
  if (missing) {
    env.AIVI_REAL_POSTGRES_SKIPPED = missing;
  } else {
    pg = await startRealPostgres({ port: env.TEST_PG_PORT ? Number(env.TEST_PG_PORT) : undefined });
    env.TEST_DATABASE_URL = pg.url;
    console.info(`with-postgres: PostgreSQL 15 with pgvector at ${pg.url}`);
  }
}

const child = spawn(command, args, { stdio: "inherit", env });
const forward = (signal: NodeJS.Signals) => child.kill(signal);
process.on("SIGINT", forward);
process.on("SIGTERM", forward);
const code = await new Promise<number>((resolve) => child.once("exit", (exitCode, signal) => resolve(exitCode ?? (signal ? 1 : 0))));
await pg?.stop();
process.exit(code);
