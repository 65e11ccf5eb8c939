import { readFileSync } from "node:fs";
import { NonRetriableError } from "inngest";
import { describe, expect, it } from "vitest";
import { inngest } from "@/inngest/client";
import { inProcessHandler } from "@/inngest/runner/handler";
import { buildRunRequest, readRunResponse, type MemoizedStep } from "@/inngest/runner/protocol";

/**
 * The executor protocol the in-process runner speaks, checked against the installed SDK: when an
 * upgrade changes the request the SDK expects or the ops it answers, this fails before a pipeline
 * does. The SDK version is pinned in package.json for the same reason.
 */

const pkg = JSON.parse(readFileSync("package.json", "utf8")) as { dependencies: Record<string, string> };
const sdk = JSON.parse(readFileSync("node_modules/inngest/package.json", "utf8")) as { version: string };

const fn = inngest.createFunction({ id: "protocol-probe", triggers: [{ event: "probe" }], retries: 1 }, async ({ step, event }) => {
  const first = await step.run("first", () => ({ v: 1 }));
  if (event.data.fail) {
    await step.run("broken", () => {
      throw new NonRetriableError("cannot");
    });
  }
  await step.sleep("pause", "2m");
  return { first };
});

const handler = inProcessHandler([fn]);

const event = (data: Record<string, unknown> = {}) => ({ id: "ev1", name: "probe", data, ts: 0 });
const call = (steps: Record<string, MemoizedStep>, order: string[], data?: Record<string, unknown>) =>
  handler(
    buildRunRequest({
      functionId: "ai-video-interview-protocol-probe",
      runId: "run1",
      event: event(data),
      steps,
      stepOrder: order,
      attempt: 0,
      maxAttempts: 2,
    }),
  );

describe("Inngest executor protocol", () => {
  it("is the pinned SDK version", () => {
    expect(pkg.dependencies.inngest).toBe(sdk.version);
    expect(sdk.version).toBe("4.24.0");
  });

  it("runs one new step per request, replays memoized ones, and answers sleeps and completion", async () => {
    const now = new Date("2026-01-01T00:00:00Z");
    const first = await readRunResponse(await call({}, []), now);
    expect(first).toMatchObject({ kind: "step-completed", name: "first", data: { v: 1 } });
    if (first.kind !== "step-completed") throw new Error("unreachable");

    const done: Record<string, MemoizedStep> = { [first.id]: { name: "first", type: "data", data: { v: 1 }, attempts: 1, at: now.toISOString() } };
    const sleep = await readRunResponse(await call(done, [first.id]), now);
    expect(sleep).toMatchObject({ kind: "sleep", name: "pause" });
    if (sleep.kind !== "sleep") throw new Error("unreachable");
    expect(sleep.until.getTime() - now.getTime()).toBe(120_000);

    done[sleep.id] = { name: "pause", type: "data", data: null, attempts: 1, at: now.toISOString() };
    expect(await readRunResponse(await call(done, [first.id, sleep.id]), now)).toEqual({ kind: "completed", output: { first: { v: 1 } } });
  });

  it("answers a step that fails for good with StepFailed, and the function then fails without retry", async () => {
    const first = await readRunResponse(await call({}, [], { fail: true }));
    if (first.kind !== "step-completed") throw new Error(`expected a step, got ${first.kind}`);
    const steps: Record<string, MemoizedStep> = { [first.id]: { name: "first", type: "data", data: { v: 1 }, attempts: 1, at: "" } };
    const broken = await readRunResponse(await call(steps, [first.id], { fail: true }));
    expect(broken).toMatchObject({ kind: "step-failed", name: "broken" });
    if (broken.kind !== "step-failed") throw new Error("unreachable");
    steps[broken.id] = { name: "broken", type: "error", error: broken.error, attempts: 1, at: "" };
    const end = await readRunResponse(await call(steps, [first.id, broken.id], { fail: true }));
    expect(end.kind).toBe("failed");
  });
});
