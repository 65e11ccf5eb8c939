import { randomUUID } from "node:crypto";
import { Prisma, type Db } from "@/server/db/client";
import type { RegisteredFunction } from "./registry";
import { currentTraceparent } from "@/server/tracing/tracing";

/**
 * The in-process stand-in for Inngest's event API: an event becomes one queued JobRun per function
 * it triggers. (functionId, eventId) is unique, so an event sent twice (the relay resending after a
 * crash, a replayed step.sendEvent) starts nothing new: Inngest's event-id deduplication.
 */
export type QueuedEvent = { id?: string; name: string; data?: Record<string, unknown>; ts?: number; traceparent?: string };

type Target = { db: Db; functions: RegisteredFunction[]; onEnqueue?: () => void };
let target: Target | null = null;

/** The runner points the local queue at its database and functions when it starts. */
export function setLocalQueueTarget(next: Target | null): void {
  target = next;
}

function readPath(value: unknown, path: string[]): unknown {
  return path.reduce<unknown>((v, key) => (v && typeof v === "object" ? (v as Record<string, unknown>)[key] : undefined), value);
}

/**
 * Inngest's `cancelOn` with `match`: an event cancels the runs it names (their event carries the
 * same value at that field) that are queued, sleeping or running; a running one stops at its next
 * step, when the runner finds its row no longer RUNNING. The run started by this very event is
 * spared, so a resent event cannot cancel its own run.
 */
async function cancelRuns(db: Db, functions: RegisteredFunction[], event: { id: string; name: string; data: Record<string, unknown> }): Promise<void> {
  for (const fn of functions) {
    for (const rule of fn.cancelOn) {
      if (rule.event !== event.name) continue;
      const path = rule.match?.split(".") ?? null;
      const value = path ? readPath(event, path) : null;
      if (path && (value === undefined || value === null)) continue;
      const matches = path ? Prisma.sql`AND "event" #>> ${path}::text[] = ${String(value)}` : Prisma.empty;
      await db.$executeRaw`
        UPDATE "job_runs" SET "status" = 'CANCELLED', "finishedAt" = now(), "owner" = NULL, "lockedAt" = NULL, "updatedAt" = now(),
          "error" = ${`Cancelled by ${event.name} (${event.id}).`}
        WHERE "functionId" = ${fn.id} AND "status" IN ('QUEUED', 'SLEEPING', 'RUNNING') AND "eventId" <> ${event.id} ${matches}`;
    }
  }
}

export async function enqueueLocalEvents(db: Db, functions: RegisteredFunction[], events: QueuedEvent[]): Promise<string[]> {
  const ids: string[] = [];
  for (const e of events) {
    const id = e.id ?? randomUUID();
    ids.push(id);
    const event = { id, name: e.name, data: e.data ?? {}, ts: e.ts ?? Date.now() };
    // The relay sends the traceparent of its span for the outbox row; a step's sendEvent runs in
    // the step's span. Either way the runs continue that trace (inngest/tracing.ts).
    const traceparent = e.traceparent ?? currentTraceparent();
    // Cancel before starting: an event that both cancels and starts a function (a resend) replaces
    // the earlier run with its own.
    await cancelRuns(db, functions, event);
    const rows: Prisma.JobRunCreateManyInput[] = functions
      .filter((fn) => fn.events.includes(e.name))
      .map((fn) => ({ functionId: fn.id, eventId: id, eventName: e.name, event: event as Prisma.InputJsonValue, traceparent }));
    if (rows.length) await db.jobRun.createMany({ data: rows, skipDuplicates: true });
  }
  return ids;
}

/**
 * The client's `fetch` in in-process mode. The SDK only calls it to send events (`inngest.send`,
 * `step.sendEvent`); it answers the way Inngest's event API does.
 */
export const localQueueFetch: typeof fetch = async (input, init) => {
  const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
  if (!/\/e\/[^/]*$/.test(new URL(url).pathname) || (init?.method ?? "GET").toUpperCase() !== "POST") {
    return Response.json({ status: 404, error: `The in-process runner has no Inngest API at ${url}.` }, { status: 404 });
  }
  if (!target) {
    return Response.json({ status: 503, error: "The in-process runner is not started, so events cannot be queued." }, { status: 503 });
  }
  const body = JSON.parse(typeof init?.body === "string" ? init.body : "[]") as QueuedEvent | QueuedEvent[];
  const ids = await enqueueLocalEvents(target.db, target.functions, Array.isArray(body) ? body : [body]);
  target.onEnqueue?.();
  return Response.json({ ids, status: 200 });
};
