import { NonRetriableError } from "inngest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inngest } from "@/inngest/client";
import { enqueueLocalEvents } from "@/inngest/runner/local-queue";
import { registerFunctions } from "@/inngest/runner/registry";
import { InProcessRunner } from "@/inngest/runner/runner";
import { getDb } from "@/server/db/client";

/**
 * The in-process runner drives real Inngest functions through the SDK's own serve handler, with
 * their state in the real database: steps memoized across requests, retries with backoff, sleeps,
 * parallel steps, events sent from a step, and failures that end a run.
 */

const calls: Record<string, number> = {};
const count = (key: string) => {
  calls[key] = (calls[key] ?? 0) + 1;
  return calls[key];
};

const steps = inngest.createFunction({ id: "test-steps", triggers: [{ event: "test.steps" }], retries: 2 }, async ({ event, step }) => {
  const a = await step.run("first", () => {
    count(`first:${event.data.key}`);
    return { n: 1 };
  });
  const b = await step.run("flaky", () => {
    if (count(`flaky:${event.data.key}`) < 2) throw new Error("flaky step failed once");
    return { n: a.n + 1 };
  });
  const [c, d] = await Promise.all([step.run("left", () => "L"), step.run("right", () => "R")]);
  await step.sleep("nap", "1s");
  await step.sendEvent("emit", { id: `chained-${event.data.key}`, name: "test.chained", data: { key: event.data.key } });
  return { b: b.n, c, d };
});

const chained = inngest.createFunction({ id: "test-chained", triggers: [{ event: "test.chained" }] }, async ({ event, step }) => {
  await step.run("note", () => count(`chained:${event.data.key}`));
  return "chained done";
});

const fatal = inngest.createFunction({ id: "test-fatal", triggers: [{ event: "test.fatal" }], retries: 1 }, async ({ step }) => {
  await step.run("explode", () => {
    throw new NonRetriableError("this cannot work");
  });
});

const exhausting = inngest.createFunction({ id: "test-exhaust", triggers: [{ event: "test.exhaust" }], retries: 1 }, async ({ step }) => {
  try {
    await step.run("always-fails", () => {
      count("exhaust");
      throw new Error("still broken");
    });
  } catch (error) {
    return { caught: (error as Error).message };
  }
  return { caught: null };
});

const functions = [steps, chained, fatal, exhausting];
let runner: InProcessRunner;

beforeAll(() => {
  runner = new InProcessRunner({ db: getDb(), functions, backoffBaseMs: 10, backoffMaxMs: 50, pollMs: 20, log: () => {} });
});
afterAll(async () => {
  await runner.stop();
});

async function settle(timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await runner.drain({ timeoutMs });
    const open = await getDb().jobRun.count({ where: { status: { in: ["QUEUED", "RUNNING", "SLEEPING"] } } });
    if (!open) return;
    if (Date.now() > deadline) throw new Error("runs still open");
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("in-process runner", () => {
  it("runs steps once each, retries a failing step, sleeps, runs parallel steps and chains an event", async () => {
    await enqueueLocalEvents(getDb(), registerFunctions(functions), [{ id: "e1", name: "test.steps", data: { key: "k1" } }]);
    await settle();
    const run = await getDb().jobRun.findUniqueOrThrow({ where: { functionId_eventId: { functionId: "ai-video-interview-test-steps", eventId: "e1" } } });
    expect(run.status).toBe("COMPLETED");
    expect(run.output).toEqual({ b: 2, c: "L", d: "R" });
    expect(calls["first:k1"]).toBe(1);
    expect(calls["flaky:k1"]).toBe(2);
    const names = Object.values(run.steps as Record<string, { name: string }>)
      .map((s) => s.name)
      .sort();
    expect(names).toEqual(["emit", "first", "flaky", "left", "nap", "right"]);
    const next = await getDb().jobRun.findUniqueOrThrow({
      where: { functionId_eventId: { functionId: "ai-video-interview-test-chained", eventId: "chained-k1" } },
    });
    expect(next.status).toBe("COMPLETED");
    expect(calls["chained:k1"]).toBe(1);
  });

  it("deduplicates an event sent twice", async () => {
    const fns = registerFunctions(functions);
    await enqueueLocalEvents(getDb(), fns, [{ id: "dup", name: "test.chained", data: { key: "dup" } }]);
    await enqueueLocalEvents(getDb(), fns, [{ id: "dup", name: "test.chained", data: { key: "dup" } }]);
    await settle();
    expect(await getDb().jobRun.count({ where: { eventId: "dup" } })).toBe(1);
    expect(calls["chained:dup"]).toBe(1);
  });

  it("ends a run on a NonRetriableError, and lets a function catch a step that ran out of attempts", async () => {
    const fns = registerFunctions(functions);
    await enqueueLocalEvents(getDb(), fns, [
      { id: "f1", name: "test.fatal" },
      { id: "x1", name: "test.exhaust" },
    ]);
    await settle();
    const failed = await getDb().jobRun.findFirstOrThrow({ where: { eventId: "f1" } });
    expect(failed.status).toBe("FAILED");
    expect(failed.error).toContain("this cannot work");
    const caught = await getDb().jobRun.findFirstOrThrow({ where: { eventId: "x1" } });
    expect(caught.status).toBe("COMPLETED");
    expect(caught.output).toEqual({ caught: "still broken" });
    expect(calls.exhaust).toBe(2);
  });
});
