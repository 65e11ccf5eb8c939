import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inngest } from "@/inngest/client";
import { enqueueLocalEvents } from "@/inngest/runner/local-queue";
import { registerFunctions } from "@/inngest/runner/registry";
import { InProcessRunner } from "@/inngest/runner/runner";
import { getDb } from "@/server/db/client";

/**
 * The triggers the notification functions rely on, run by the in-process runner: cron schedules,
 * `step.sleepUntil`, and `cancelOn` with `match` (queued, sleeping and running runs).
 */

const seen: string[] = [];

const nightly = inngest.createFunction({ id: "test-nightly", triggers: [{ cron: "0 6 * * *" }] }, async ({ event, step }) => {
  await step.run("tick", () => seen.push(`nightly:${event.name}`));
  return "ticked";
});

const later = inngest.createFunction(
  {
    id: "test-later",
    triggers: [{ event: "test.later" }],
    cancelOn: [
      { event: "test.later", match: "data.key" },
      { event: "test.done", match: "data.key" },
    ],
  },
  async ({ event, step }) => {
    await step.sleepUntil("wait", new Date(event.data.at as string));
    await step.run("remind", () => seen.push(`remind:${event.data.key}`));
  },
);

const stopping = inngest.createFunction(
  { id: "test-stopping", triggers: [{ event: "test.stopping" }], cancelOn: [{ event: "test.stop", match: "data.key" }] },
  async ({ event, step }) => {
    await step.run("first", async () => {
      seen.push(`first:${event.data.key}`);
      await enqueueLocalEvents(getDb(), registerFunctions(functions), [{ name: "test.stop", data: { key: event.data.key } }]);
    });
    await step.run("second", () => seen.push(`second:${event.data.key}`));
  },
);

const functions = [nightly, later, stopping];
let runner: InProcessRunner;

beforeAll(() => {
  runner = new InProcessRunner({ db: getDb(), functions, backoffBaseMs: 10, backoffMaxMs: 50, pollMs: 20, log: () => {} });
});
afterAll(() => runner.stop());

const status = async (eventId: string) => (await getDb().jobRun.findFirstOrThrow({ where: { eventId } })).status;
const FAR = new Date(Date.now() + 30 * 86_400_000).toISOString();

describe("in-process runner triggers", () => {
  it("queues a cron function at its next UTC tick, once however often it is scheduled, and runs it when due", async () => {
    const since = new Date("2026-01-10T07:00:00Z");
    await runner.scheduleCrons(since);
    await runner.scheduleCrons(since);
    await new InProcessRunner({ db: getDb(), functions, log: () => {} }).scheduleCrons(since);
    const rows = await getDb().jobRun.findMany({ where: { functionId: "ai-video-interview-test-nightly" } });
    expect(rows.map((r) => [r.eventId, r.runAfter.toISOString()])).toEqual([["cron:0 6 * * *:2026-01-11T06:00:00.000Z", "2026-01-11T06:00:00.000Z"]]);
    await runner.drain();
    expect(await status(rows[0]!.eventId)).toBe("COMPLETED");
    expect(seen).toContain("nightly:inngest/scheduled.timer");
  });

  it("sleeps until a date, and a matching event cancels the sleeping run and only that one", async () => {
    const fns = registerFunctions(functions);
    await enqueueLocalEvents(getDb(), fns, [
      { id: "l1", name: "test.later", data: { key: "a", at: FAR } },
      { id: "l2", name: "test.later", data: { key: "b", at: FAR } },
    ]);
    await runner.drain();
    expect([await status("l1"), await status("l2")]).toEqual(["SLEEPING", "SLEEPING"]);
    expect((await getDb().jobRun.findFirstOrThrow({ where: { eventId: "l1" } })).runAfter.toISOString()).toBe(FAR);

    await enqueueLocalEvents(getDb(), fns, [{ id: "d1", name: "test.done", data: { key: "a" } }]);
    expect([await status("l1"), await status("l2")]).toEqual(["CANCELLED", "SLEEPING"]);
  });

  it("lets an event that starts a function replace its earlier run, and a resent event keeps its own run", async () => {
    const fns = registerFunctions(functions);
    await enqueueLocalEvents(getDb(), fns, [{ id: "r1", name: "test.later", data: { key: "c", at: FAR } }]);
    await runner.drain();
    await enqueueLocalEvents(getDb(), fns, [{ id: "r2", name: "test.later", data: { key: "c", at: new Date(Date.now() - 1000).toISOString() } }]);
    await enqueueLocalEvents(getDb(), fns, [{ id: "r2", name: "test.later", data: { key: "c", at: new Date(Date.now() - 1000).toISOString() } }]);
    expect(await status("r1")).toBe("CANCELLED");
    await runner.drain();
    expect(await status("r2")).toBe("COMPLETED");
    expect(seen.filter((s) => s === "remind:c")).toHaveLength(1);
  });

  it("stops a running run at its next step", async () => {
    await enqueueLocalEvents(getDb(), registerFunctions(functions), [{ id: "s1", name: "test.stopping", data: { key: "s" } }]);
    await runner.drain();
    expect(await status("s1")).toBe("CANCELLED");
    expect(seen).toContain("first:s");
    expect(seen).not.toContain("second:s");
  });

  it("refuses a cancelOn it cannot evaluate instead of never cancelling", () => {
    const withIf = inngest.createFunction(
      { id: "test-if", triggers: [{ event: "test.if" }], cancelOn: [{ event: "test.x", if: "async.data.a == event.data.a" }] },
      () => null,
    );
    expect(() => registerFunctions([withIf])).toThrow(/cannot evaluate/);
  });
});
