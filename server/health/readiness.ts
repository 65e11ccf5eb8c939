import { randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import { inngestMode } from "../../inngest/mode";
import { getDb, type Db } from "../db/client";
import { getStorage, STORAGE_DRIVER_LABELS, type Storage } from "../storage";
import { checkHealth } from "./check";

export type Check = { ok: boolean; detail: string };

export type ReadinessReport = {
  status: "ready" | "not ready";
  checkedAt: string;
  checks: { database: Check; storage: Check; mail: Check; backgroundWork: Check };
};

type Source = Record<string, string | undefined>;

/** An in-process runner beats every 2 s; three missed beats and a few seconds of slack mean none is alive. */
const RUNNER_SILENT_MS = 10_000;
/** The relay hands events on within seconds; one waiting this long means background work is stuck. */
const OUTBOX_STUCK_MS = 5 * 60_000;

/** A store that hangs (a stuck network mount) must not hang the probe that load balancers wait on. */
const STORAGE_PROBE_MS = 5_000;

const minutes = (ms: number) => `${Math.round(ms / 60_000)} min`;

function within<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms / 1000} s`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

async function database(db: Db, env: Source): Promise<Check> {
  const report = await checkHealth({ db, env });
  if (!report.database.ok) return { ok: false, detail: report.database.error };
  const { pending } = report.database.migrations;
  if (pending) return { ok: false, detail: `${pending} migration(s) not applied yet` };
  return { ok: true, detail: `${report.services.database} PostgreSQL ${report.database.version}, answered in ${report.database.latencyMs} ms` };
}

/**
 * Local disk is written, read back and deleted. A cloud store is not probed on every check: each
 * probe would be a billed request to it; its failures show on the uploads and the pipeline instead.
 */
async function storage(store: Storage): Promise<Check> {
  const label = STORAGE_DRIVER_LABELS[store.driver];
  if (store.driver !== "local") return { ok: true, detail: `${label}, configured (not probed: each probe would be a billed request)` };
  const key = `health/ready-${randomUUID()}.txt`;
  const probe = async () => {
    const stored = await store.put(key, Readable.from([Buffer.from("ready")]), { contentType: "text/plain" });
    const info = await store.stat(stored.key);
    await store.delete(stored.key);
    return info?.size === 5;
  };
  try {
    if (!(await within(probe(), STORAGE_PROBE_MS, "writing a probe file")))
      return { ok: false, detail: `${label}: a probe file was written but not read back` };
    return { ok: true, detail: `${label}, written, read and deleted a probe file` };
  } catch (error) {
    return { ok: false, detail: `${label}: ${error instanceof Error ? error.message : String(error)}` };
  }
}

function mail(env: Source): Check {
  return env.RESEND_API_KEY?.trim()
    ? { ok: true, detail: "Resend, configured (delivery status comes from its webhooks)" }
    : { ok: true, detail: "dev mailbox in the database (/dev/mailbox)" };
}

async function backgroundWork(db: Db, env: Source): Promise<Check> {
  const oldest = await db.outboxEvent.findFirst({ where: { sentAt: null }, orderBy: { createdAt: "asc" }, select: { createdAt: true } });
  const age = oldest ? Date.now() - oldest.createdAt.getTime() : 0;
  if (age > OUTBOX_STUCK_MS) return { ok: false, detail: `the oldest unsent event is ${minutes(age)} old` };
  const mode = inngestMode(env);
  if (mode !== "in-process") return { ok: true, detail: `${mode === "cloud" ? "Inngest" : "Inngest dev server"}, outbox relaying` };
  const alive = await db.runnerHeartbeat.count({ where: { beatAt: { gt: new Date(Date.now() - RUNNER_SILENT_MS) } } });
  return alive
    ? { ok: true, detail: `${alive} in-process runner(s) beating, outbox relaying` }
    : { ok: false, detail: `no in-process runner has beaten in the last ${RUNNER_SILENT_MS / 1000} s` };
}

/** What /api/health/ready answers: whether this instance should get traffic, and why not. */
export async function checkReadiness(opts: { db?: Db; env?: Source; storage?: Storage } = {}): Promise<ReadinessReport> {
  const db = opts.db ?? getDb();
  const env = opts.env ?? process.env;
  const dbCheck = await database(db, env);
  const [storageCheck, workCheck] = await Promise.all([
    storage(opts.storage ?? getStorage()),
    dbCheck.ok ? backgroundWork(db, env) : Promise.resolve({ ok: false, detail: "needs the database" }),
  ]);
  const checks = { database: dbCheck, storage: storageCheck, mail: mail(env), backgroundWork: workCheck };
  return { status: Object.values(checks).every((c) => c.ok) ? "ready" : "not ready", checkedAt: new Date().toISOString(), checks };
}
