import { afterAll, describe, expect, it, vi } from "vitest";
import { GET as live } from "@/app/api/health/live/route";
import { GET as ready } from "@/app/api/health/ready/route";
import { getDb } from "@/server/db/client";
import { checkReadiness } from "@/server/health/readiness";
import { LocalDiskStorage } from "@/server/storage";
import { InProcessRunner } from "@/inngest/runner/runner";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

// The route reads the session cookie through next/headers, which exists only inside a request: here, an anonymous one.
vi.mock("next/headers", () => ({ cookies: async () => ({ get: () => undefined }) }));

const cleanup: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const step of cleanup.reverse()) await step();
});

const localAt = (root: string) => new LocalDiskStorage(root, { appUrl: "http://localhost", secret: "readiness-test-secret-readiness-test" });

async function freshRunner() {
  const runner = new InProcessRunner({ db: getDb(), functions: [], log: () => {} });
  runner.start();
  cleanup.push(() => runner.stop());
  // The runner registers its heartbeat as it starts.
  for (let i = 0; i < 50 && !(await getDb().runnerHeartbeat.count({ where: { beatAt: { gt: new Date(Date.now() - 5_000) } } })); i++) {
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("liveness and readiness", () => {
  it("live answers 200 without touching the database", async () => {
    const response = live();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "live" });
  });

  it("ready checks the database, storage, mail and background work, each with what it found", async () => {
    await freshRunner();
    const dir = await mkdtemp(path.join(os.tmpdir(), "aivi-ready-"));
    cleanup.push(() => rm(dir, { recursive: true, force: true }));
    const report = await checkReadiness({ env: {}, storage: localAt(dir) });
    expect(report.checks.database).toMatchObject({ ok: true });
    expect(report.checks.storage).toMatchObject({ ok: true, detail: expect.stringMatching(/local disk/) });
    expect(report.checks.mail).toMatchObject({ ok: true, detail: expect.stringMatching(/dev mailbox/) });
    expect(report.checks.backgroundWork).toMatchObject({ ok: true, detail: expect.stringMatching(/in-process runner/) });
    expect(report.status).toBe("ready");
  });

  it("is not ready when storage cannot be written or events wait in the outbox too long", async () => {
    await freshRunner();
    const dir = await mkdtemp(path.join(os.tmpdir(), "aivi-ready-"));
    cleanup.push(() => rm(dir, { recursive: true, force: true }));
    await writeFile(path.join(dir, "a-file"), "");
    // A root under a file: every write fails as on a full or read-only disk.
    const report = await checkReadiness({ env: {}, storage: localAt(path.join(dir, "a-file", "storage")) });
    expect(report.checks.storage.ok).toBe(false);
    expect(report.status).toBe("not ready");

    const stuck = await getDb().outboxEvent.create({
      data: { name: "test.stuck", payload: {}, createdAt: new Date(Date.now() - 10 * 60_000) },
    });
    const backlog = await checkReadiness({ env: {} });
    await getDb().outboxEvent.delete({ where: { id: stuck.id } });
    expect(backlog.checks.backgroundWork).toMatchObject({ ok: false, detail: expect.stringMatching(/oldest unsent event is 10 min old/) });
  });

  it("the route shows anyone which check failed, and no details", async () => {
    await freshRunner();
    const response = await ready();
    const body = (await response.json()) as { status: string; checks: Record<string, unknown> };
    expect(Object.keys(body.checks).sort()).toEqual(["backgroundWork", "database", "mail", "storage"]);
    for (const check of Object.values(body.checks)) expect(Object.keys(check as object)).toEqual(["ok"]);
    expect(response.status).toBe(body.status === "ready" ? 200 : 503);
  });

  it("with Resend and Inngest Cloud configured, says so without calling them", async () => {
    const report = await checkReadiness({ env: { RESEND_API_KEY: "re_test", INNGEST_EVENT_KEY: "key", INNGEST_SIGNING_KEY: "signkey-test-abc" } });
    expect(report.checks.mail).toMatchObject({ ok: true, detail: expect.stringMatching(/Resend/) });
    expect(report.checks.backgroundWork.detail).toMatch(/Inngest/);
  });
});
