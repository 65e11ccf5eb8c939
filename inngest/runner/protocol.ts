import { durationToMs, headerKeys, queryKeys } from "inngest";
import { z } from "zod";

/**
 * The part of Inngest's executor protocol the in-process runner speaks (SDK inngest@4.24.0, pinned;
 * tests/unit/inngest-protocol.test.ts fails when the SDK answers differently). The runner
 * POSTs what Inngest's executor would: the event, every memoized step result keyed by its hashed
 * step id, the order they finished in and the attempt; the SDK replays the function, runs at most
 * one new step and answers with an op. Everything Inngest keeps for a run lives in a JobRun row.
 */

export type MemoizedStep =
  { name: string; type: "data"; data: unknown; attempts: number; at: string } | { name: string; type: "error"; error: unknown; attempts: number; at: string };

export type RunEvent = { id: string; name: string; data: Record<string, unknown>; ts: number };

export type RunRequest = {
  /** The function's full id: `<app id>-<function id>`. */
  functionId: string;
  runId: string;
  event: RunEvent;
  steps: Record<string, MemoizedStep>;
  stepOrder: string[];
  /** Attempt of the step (or function) being tried, 0-based. */
  attempt: number;
  maxAttempts: number;
  /** A planned step to run now, by hashed id; otherwise the SDK runs the next step it finds. */
  stepId?: string;
};

/** The memoized state in the executor's wire format: `{ [hashedId]: { type, data | error } }`. */
function wireSteps(steps: Record<string, MemoizedStep>) {
  return Object.fromEntries(
    Object.entries(steps).map(([id, s]) => [id, s.type === "data" ? { type: "data", data: s.data ?? null } : { type: "error", error: s.error }]),
  );
}

export function buildRunRequest(req: RunRequest): Request {
  const url = new URL("http://in-process.invalid/api/inngest");
  url.searchParams.set(queryKeys.FnId, req.functionId);
  url.searchParams.set(queryKeys.StepId, req.stepId ?? "step");
  const body = {
    version: 2,
    event: req.event,
    events: [req.event],
    steps: wireSteps(req.steps),
    ctx: {
      run_id: req.runId,
      attempt: req.attempt,
      max_attempts: req.maxAttempts,
      disable_immediate_execution: false,
      use_api: false,
      stack: { stack: req.stepOrder, current: req.stepOrder.length },
    },
  };
  return new Request(url, {
    method: "POST",
    headers: { "content-type": "application/json", [headerKeys.RequestVersion]: "2" },
    body: JSON.stringify(body),
  });
}

const opSchema = z
  .object({
    id: z.string(),
    op: z.string(),
    name: z.string().optional(),
    displayName: z.string().optional(),
    data: z.unknown().optional(),
    error: z.unknown().optional(),
    userland: z.object({ id: z.string() }).partial().optional(),
  })
  .loose();
type Op = z.infer<typeof opSchema>;

export type Outcome =
  | { kind: "completed"; output: unknown }
  /** The function failed for good: out of attempts, or a NonRetriableError. */
  | { kind: "failed"; error: unknown }
  /** The function (not a step) threw and may be tried again. */
  | { kind: "retry"; error: unknown; retryAfterMs: number | null }
  | { kind: "step-completed"; id: string; name: string; data: unknown }
  /** A step threw and will be tried again on the next attempt. */
  | { kind: "step-errored"; id: string; name: string; error: unknown; retryAfterMs: number | null }
  /** A step ran out of attempts: its error is memoized and thrown into the function on replay. */
  | { kind: "step-failed"; id: string; name: string; error: unknown }
  | { kind: "sleep"; id: string; name: string; until: Date }
  /** Steps found but not run (parallel steps): each is run by asking for it by id. */
  | { kind: "planned"; steps: { id: string; name: string }[] }
  | { kind: "unsupported"; op: string; name: string };

function stepName(op: Op): string {
  return op.displayName ?? op.userland?.id ?? op.name ?? op.id;
}

function retryAfterMs(headers: Headers, now: Date): number | null {
  const raw = headers.get(headerKeys.RetryAfter);
  if (!raw) return null;
  const seconds = Number(raw);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(raw);
  if (Number.isFinite(at)) return Math.max(0, at - now.getTime());
  try {
    return durationToMs(raw);
  } catch {
    return null;
  }
}

function sleepUntil(op: Op, now: Date): Date {
  const name = op.name ?? "";
  const at = Date.parse(name);
  if (/^\d{4}-\d{2}-\d{2}T/.test(name) && Number.isFinite(at)) return new Date(at);
  return new Date(now.getTime() + durationToMs(name));
}

function opOutcome(op: Op, headers: Headers, now: Date): Outcome {
  switch (op.op) {
    case "StepRun":
    case "Step":
      return { kind: "step-completed", id: op.id, name: stepName(op), data: op.data ?? null };
    case "StepError":
      return { kind: "step-errored", id: op.id, name: stepName(op), error: op.error, retryAfterMs: retryAfterMs(headers, now) };
    case "StepFailed":
      return { kind: "step-failed", id: op.id, name: stepName(op), error: op.error };
    case "Sleep":
      return { kind: "sleep", id: op.id, name: stepName(op), until: sleepUntil(op, now) };
    case "RunComplete":
      return { kind: "completed", output: op.data ?? null };
    default:
      return { kind: "unsupported", op: op.op, name: stepName(op) };
  }
}

/** Reads the SDK's answer to one request as what the runner must do next. */
export async function readRunResponse(res: Response, now: Date = new Date()): Promise<Outcome> {
  const text = await res.text();
  const body: unknown = text ? JSON.parse(text) : null;
  if (res.status === 200) return { kind: "completed", output: body };
  if (res.status === 206) {
    const ops = z.array(opSchema).parse(body);
    // A finished run can arrive as ops with a RunComplete (or final StepFailed) at the end.
    const runEnd = ops.find((op) => op.op === "RunComplete");
    if (runEnd) return { kind: "completed", output: runEnd.data ?? null };
    const planned = ops.filter((op) => op.op === "StepPlanned");
    if (planned.length && planned.length === ops.length) {
      return { kind: "planned", steps: planned.map((op) => ({ id: op.id, name: stepName(op) })) };
    }
    const first = ops.find((op) => op.op !== "StepPlanned");
    if (!first) throw new Error("The Inngest SDK answered 206 with no op.");
    return opOutcome(first, res.headers, now);
  }
  const noRetry = res.headers.get(headerKeys.NoRetry) === "true";
  if (res.status >= 400 && res.status < 500) return { kind: "failed", error: body };
  return noRetry ? { kind: "failed", error: body } : { kind: "retry", error: body, retryAfterMs: retryAfterMs(res.headers, now) };
}

/** A readable one-line message from a serialized error the SDK sent. */
export function errorMessage(error: unknown): string {
  if (!error) return "Unknown error";
  if (typeof error === "string") return error;
  if (typeof error === "object") {
    const e = error as { message?: unknown; name?: unknown; error?: unknown };
    if (typeof e.message === "string" && e.message) return e.message;
    if (typeof e.error === "string" && e.error) return e.error;
    if (typeof e.name === "string") return e.name;
  }
  return JSON.stringify(error).slice(0, 500);
}
