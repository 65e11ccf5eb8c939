// Starts the app: with DATABASE_URL it uses that Postgres; without it, it starts the embedded
// Postgres (PGlite + pgvector) on disk under .data/pglite. Either way it migrates, seeds the demo
// data in development, and runs `next dev` or `next start` with DATABASE_URL pointing at it.
// Usage: tsx scripts/launch.ts dev|start
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { EnvError, parseServerEnv } from "../server/config/env";
import { EMBEDDED_MAX_CONNECTIONS, startEmbeddedPostgres } from "../server/db/embedded";
import { migrate } from "../server/db/migrations";
import { nextArgs } from "./next-args";

const mode = process.argv[2] === "start" ? "start" : "dev";
const dataDir = path.resolve(process.env.DATA_DIR ?? ".data");

async function devSecret(): Promise<string> {
  const file = path.join(dataDir, "auth-secret");
  if (existsSync(file)) return (await readFile(file, "utf8")).trim();
  const secret = randomBytes(32).toString("base64url");
  await mkdir(dataDir, { recursive: true });
  await writeFile(file, secret, { mode: 0o600 });
  return secret;
}

const childEnv: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: mode === "dev" ? "development" : "production" };
let stopDb: (() => Promise<void>) | undefined;

if (!process.env.DATABASE_URL) {
  const port = Number(process.env.EMBEDDED_DB_PORT ?? 54329);
  const pg = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "pglite"), port });
  stopDb = pg.stop;
  childEnv.DATABASE_URL = pg.url;
  childEnv.DATABASE_POOL_MAX = String(EMBEDDED_MAX_CONNECTIONS);
  console.log(`embedded Postgres (PGlite + pgvector) at ${pg.url}, data in ${path.join(dataDir, "pglite")}`);
}
if (!childEnv.NEXTAUTH_SECRET) {
  if (mode === "start" && process.env.DATABASE_URL) {
    console.error("NEXTAUTH_SECRET is required in production: openssl rand -base64 32");
    process.exit(1);
  }
  childEnv.NEXTAUTH_SECRET = await devSecret();
}
childEnv.NEXTAUTH_URL ??= childEnv.APP_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
childEnv.APP_URL ??= childEnv.NEXTAUTH_URL;
if (mode === "start" && childEnv.DEV_TOOLS === "on") {
  console.warn("DEV_TOOLS=on: one-click sign-in and the public dev mailbox are enabled. Never on a public deployment.");
}

// A wrong or missing variable stops start-up here, naming the variable, before anything is served.
try {
  parseServerEnv(childEnv);
} catch (error) {
  if (error instanceof EnvError) {
    console.error(error.message);
    if (stopDb) await stopDb();
    process.exit(1);
  }
  throw error;
}

const applied = await migrate(childEnv.DATABASE_URL!);
if (applied.length) console.log(`migrations applied: ${applied.join(", ")}`);

if (mode === "dev" || process.env.SEED === "on") {
  const { seed } = await import("../server/seed/seed");
  const { createDb } = await import("../server/db/client");
  const db = createDb(childEnv.DATABASE_URL!, 1);
  console.log(await seed(db));
  await db.$disconnect();
}

const nextBin = path.join(process.cwd(), "node_modules", "next", "dist", "bin", "next");
const child = spawn(process.execPath, [nextBin, ...nextArgs(mode, process.env)], { stdio: "inherit", env: childEnv });

async function shutdown(code: number) {
  if (stopDb) await stopDb().catch(() => {});
  process.exit(code);
}
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => child.kill(signal));
}
child.on("exit", (code) => void shutdown(code ?? 0));
