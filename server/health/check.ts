import { readdir } from "node:fs/promises";
import path from "node:path";
import { inngestMode } from "../../inngest/mode";
import { billingMode } from "../billing/mode";
import { getDb, type Db } from "../db/client";

export type Services = {
  database: "embedded" | "external" | "unknown";
  mail: "resend" | "dev mailbox";
  storage: "vercel-blob" | "uploadthing" | "local disk";
  transcription: "groq" | "offline";
  analysis: "groq" | "offline";
  embeddings: "openai-compatible" | "offline";
  billing: "stripe" | "local";
  jobs: "inngest" | "inngest dev server" | "in-process";
};

export type DatabaseHealth =
  | {
      ok: true;
      latencyMs: number;
      version: string;
      vector: { installed: boolean; version: string | null };
      migrations: { applied: number; pending: number; pendingNames: string[] };
    }
  | { ok: false; error: string };

export type HealthReport = {
  status: "ok" | "error";
  checkedAt: string;
  database: DatabaseHealth;
  services: Services;
};

type Source = Record<string, string | undefined>;

const has = (source: Source, key: string) => Boolean(source[key]?.trim());

/**
 * Which implementation each outside service runs on, read from which keys are set: an absent key
 * means the offline default (see .env.example). Only names are reported, never a key's value.
 */
export function configuredServices(source: Source, database: Services["database"] = "unknown"): Services {
  const groq = has(source, "GROQ_API_KEY") ? "groq" : "offline";
  const jobs = inngestMode(source);
  return {
    database,
    mail: has(source, "RESEND_API_KEY") ? "resend" : "dev mailbox",
    storage: has(source, "BLOB_READ_WRITE_TOKEN") ? "vercel-blob" : has(source, "UPLOADTHING_TOKEN") ? "uploadthing" : "local disk",
    transcription: groq,
    analysis: groq,
    embeddings: has(source, "EMBEDDINGS_BASE_URL") ? "openai-compatible" : "offline",
    billing: billingMode(source),
    jobs: jobs === "cloud" ? "inngest" : jobs === "dev-server" ? "inngest dev server" : "in-process",
  };
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the database did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

// Driver errors can run to many lines (Prisma adds its own context); the first one names the cause.
function reason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const first = message.split("\n").find((line) => line.trim()) ?? "unknown error";
  return first.trim().slice(0, 300);
}

// The migration folders' names, as server/db/migrations.ts lists them. Not its readMigrations: a
// readdir of a path Turbopack cannot scope makes it trace the whole project into this route's bundle.
async function migrationNames(): Promise<string[]> {
  const entries = await readdir(path.join(process.cwd(), "prisma", "migrations"), { withFileTypes: true });
  return entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

async function probeDatabase(db: Db) {
  const started = performance.now();
  await db.$queryRaw`SELECT 1`;
  const latencyMs = Math.round((performance.now() - started) * 10) / 10;

  const [info] = await db.$queryRaw<{ version: string; server_version: string; vector: string | null; bookkeeping: string | null }[]>`
    SELECT version() AS version,
           current_setting('server_version') AS server_version,
           (SELECT extversion FROM pg_extension WHERE extname = 'vector') AS vector,
           to_regclass('"_prisma_migrations"')::text AS bookkeeping`;
  if (!info) throw new Error("SELECT version() returned no row");

  // A database never migrated has no bookkeeping table yet: every migration is pending.
  const applied = info.bookkeeping
    ? await db.$queryRaw<{ migration_name: string }[]>`
        SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`
    : [];
  const done = new Set(applied.map((row) => row.migration_name));
  const pendingNames = (await migrationNames()).filter((name) => !done.has(name));

  return {
    // PGlite reports itself in version(); it is what the launcher starts when DATABASE_URL is unset.
    engine: info.version.includes("PGlite") ? ("embedded" as const) : ("external" as const),
    health: {
      ok: true as const,
      latencyMs,
      version: info.server_version,
      vector: { installed: info.vector !== null, version: info.vector },
      migrations: { applied: done.size, pending: pendingNames.length, pendingNames },
    },
  };
}

/**
 * What /api/health answers. Never throws: a database that is unreachable, misconfigured or slow
 * comes back as `status: "error"` with the reason, so the route can answer 503 rather than 500.
 */
export async function checkHealth(opts: { db?: Db; env?: Source; timeoutMs?: number } = {}): Promise<HealthReport> {
  const source = opts.env ?? process.env;
  const checkedAt = new Date().toISOString();
  try {
    const db = opts.db ?? getDb();
    const { engine, health } = await withTimeout(probeDatabase(db), opts.timeoutMs ?? 5000);
    return { status: "ok", checkedAt, database: health, services: configuredServices(source, engine) };
  } catch (error) {
    return { status: "error", checkedAt, database: { ok: false, error: reason(error) }, services: configuredServices(source) };
  }
}
