import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inngest } from "@/inngest/client";
import { SCHEDULED_TIMER_EVENT } from "@/inngest/runner/local-queue";
import { InProcessRunner } from "@/inngest/runner/runner";
import { getDb } from "@/server/db/client";

/**
 * Cron-triggered functions in the in-process runner: each due tick queues one run of the real
 * function through the SDK's serve handler, with the event Inngest sends at a tick; the same tick
 * asked again, or by a second runner, queues nothing more.
 */

const ticks: string[] = [];
const hourly = inngest.createFunction({ id: "test-hourly", triggers: [{ cron: "0 * * * *" }] }, async ({ event, step }) => {
  const seen = await step.run("note", () => {
    ticks.push("cron" in event.data ? event.data.cron : "");
    return event.name;
  });
  return { seen };
});

let runner: InProcessRunner;
beforeAll(() => {
  runner = new InProcessRunner({ db: getDb(), functions: [hourly], backoffBaseMs: 10, backoffMaxMs: 20, log: () => {} });
});
afterAll(async () => {
  await runner.stop();
});

describe("in-process runner: cron triggers", () => {
  it("queues the latest due tick once, runs it, and queues the next tick when it comes", async () => {
    const db = getDb();
    expect(await runner.scheduleCron(new Date("2026-03-01T10:30:00Z"))).toBe(1);
    expect(await runner.scheduleCron(new Date("2026-03-01T10:59:59Z"))).toBe(0);
    const second = new InProcessRunner({ db, functions: [hourly], log: () => {} });
    expect(await second.scheduleCron(new Date("2026-03-01T10:45:00Z"))).toBe(0);

    const runs = await db.jobRun.findMany({ where: { functionId: { endsWith: "test-hourly" } } });
    expect(runs).toHaveLength(1);
    expect(runs[0]!.eventName).toBe(SCHEDULED_TIMER_EVENT);
    expect(runs[0]!.runAfter.toISOString()).toBe("2026-03-01T10:00:00.000Z");

    await runner.drain();
    const done = await db.jobRun.findUniqueOrThrow({ where: { id: runs[0]!.id } });
    expect(done.status).toBe("COMPLETED");
    expect(done.output).toEqual({ seen: SCHEDULED_TIMER_EVENT });
    expect(ticks).toEqual(["0 * * * *"]);

    // A tick exactly at "now" is due.
    expect(await runner.scheduleCron(new Date("2026-03-01T11:00:00Z"))).toBe(1);
    await runner.drain();
    expect(await db.jobRun.count({ where: { functionId: { endsWith: "test-hourly" }, status: "COMPLETED" } })).toBe(2);
  });
});
