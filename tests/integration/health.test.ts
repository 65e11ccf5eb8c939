import { createServer, type Server, type Socket } from "node:net";
import { afterAll, describe, expect, it, vi } from "vitest";
import { GET } from "@/app/api/health/route";
import { createDb, getDb } from "@/server/db/client";
import { readMigrations } from "@/server/db/migrations";
import { checkHealth, configuredServices } from "@/server/health/check";
import { readCookie } from "@/server/auth/session";
import { cookieFor, makeUser } from "../helpers/actors";

const request = vi.hoisted(() => ({ cookie: null as string | null }));
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => {
      const value = readCookie(request.cookie, name);
      return value === null ? undefined : { name, value };
    },
  }),
}));

const cleanup: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const step of cleanup.reverse()) await step();
});

// The same file runs on both engines (vitest.config.ts): the report names the one it found.
const engine = process.env.AIVI_TEST_ENGINE === "postgres" ? "external" : "embedded";

describe("checkHealth against the test database", () => {
  it("reports the engine, pgvector and a fully migrated schema", async () => {
    const report = await checkHealth();
    expect(report.status).toBe("ok");
    if (!report.database.ok) throw new Error(report.database.error);
    expect(report.database.latencyMs).toBeGreaterThanOrEqual(0);
    expect(report.database.version).toMatch(/^\d+(\.\d+)?/);
    expect(report.database.vector.installed).toBe(true);
    expect(report.database.vector.version).toMatch(/^\d+\.\d+/);
    const migrations = await readMigrations();
    expect(report.database.migrations).toEqual({ applied: migrations.length, pending: 0, pendingNames: [] });
    expect(report.services.database).toBe(engine);
  });

  it("counts a migration the database has not recorded as applied as pending", async () => {
    const db = getDb();
    const [last] = await db.$queryRaw<Record<string, unknown>[]>`
      SELECT * FROM "_prisma_migrations" ORDER BY migration_name DESC LIMIT 1`;
    if (!last) throw new Error("the migrated image has no _prisma_migrations rows");
    await db.$executeRaw`DELETE FROM "_prisma_migrations" WHERE id = ${last.id}`;
    try {
      const report = await checkHealth();
      if (!report.database.ok) throw new Error(report.database.error);
      expect(report.database.migrations.pending).toBe(1);
      expect(report.database.migrations.pendingNames).toEqual([last.migration_name]);
    } finally {
      await db.$executeRaw`INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count)
        VALUES (${last.id}, ${last.checksum}, ${last.finished_at}, ${last.migration_name}, ${last.applied_steps_count})`;
    }
  });

  it("answers status error with the cause when the database refuses connections", async () => {
    const dead = createDb("postgresql://postgres:postgres@127.0.0.1:1/postgres?sslmode=disable", 1);
    cleanup.push(() => dead.$disconnect());
    const report = await checkHealth({ db: dead });
    expect(report.status).toBe("error");
    expect(report.database.ok).toBe(false);
    if (report.database.ok) return;
    expect(report.database.error.length).toBeGreaterThan(0);
    expect(report.database.error).not.toContain("\n");
    expect(report.services.database).toBe("unknown");
  });

  it("gives up on a database that accepts connections but never answers", async () => {
    const sockets = new Set<Socket>();
    const silent: Server = createServer((socket) => void sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    cleanup.push(
      () =>
        new Promise((resolve) => {
          for (const socket of sockets) socket.destroy();
          silent.close(resolve);
        }),
    );
    const { port } = silent.address() as { port: number };
    const hung = createDb(`postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`, 1);

    const started = Date.now();
    const report = await checkHealth({ db: hung, timeoutMs: 300 });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(report.status).toBe("error");
    expect(report.database).toEqual({ ok: false, error: "the database did not answer within 300 ms" });
  });
});

describe("configuredServices", () => {
  it("falls back to the offline implementations when no key is set", () => {
    expect(configuredServices({})).toEqual({
      database: "unknown",
      mail: "dev mailbox",
      storage: "local disk",
      transcription: "offline",
      analysis: "offline",
      embeddings: "offline",
      billing: "local",
      jobs: "in-process",
    });
  });

  it("names the hosted service whose key is set, and ignores blank keys", () => {
    const services = configuredServices(
      {
        RESEND_API_KEY: "re_x",
        UPLOADTHING_TOKEN: "ut",
        GROQ_API_KEY: "gsk",
        STRIPE_SECRET_KEY: "   ",
        INNGEST_DEV: "1",
      },
      "external",
    );
    expect(services).toEqual({
      database: "external",
      mail: "resend",
      storage: "uploadthing",
      transcription: "groq",
      analysis: "groq",
      embeddings: "offline",
      billing: "local",
      jobs: "inngest dev server",
    });
    expect(configuredServices({ BLOB_READ_WRITE_TOKEN: "b", UPLOADTHING_TOKEN: "u" }).storage).toBe("vercel-blob");
    expect(configuredServices({ INNGEST_DEV: "0" }).jobs).toBe("in-process");
    expect(configuredServices({ STRIPE_SECRET_KEY: "sk_test_1" }).billing).toBe("stripe");
    expect(configuredServices({ INNGEST_EVENT_KEY: "k" }).jobs).toBe("inngest");
  });
});

describe("GET /api/health", () => {
  it("tells anyone only whether the app is up (finding 11)", async () => {
    for (const cookie of [null, await cookieFor((await makeUser({ role: "HR" })).id)]) {
      request.cookie = cookie;
      const response = await GET();
      expect(response.status).toBe(200);
      expect(response.headers.get("cache-control")).toBe("no-store");
      expect(await response.json()).toEqual({ status: "ok" });
    }
  });

  it("answers an admin 200 with the report, never cached", async () => {
    request.cookie = await cookieFor((await makeUser({ role: "ADMIN" })).id);
    const response = await GET();
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = (await response.json()) as { status: string; database: { ok: boolean }; services: { database: string } };
    expect(body.status).toBe("ok");
    expect(body.database.ok).toBe(true);
    expect(body.services.database).toBe(engine);
  });
});
