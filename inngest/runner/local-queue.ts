import { randomUUID } from "node:crypto";
import { CronExpressionParser } from "cron-parser";
import type { Db, Prisma } from "@/server/db/client";
import type { RegisteredFunction } from "./registry";

/**
 * The in-process stand-in for Inngest's event API: an event becomes one queued JobRun per function
 * it triggers. (functionId, eventId) is unique, so an event sent twice (the relay resending after a
 * crash, a replayed step.sendEvent) starts nothing new: Inngest's event-id deduplication.
 */
export type QueuedEvent = { id?: string; name: string; data?: Record<string, unknown>; ts?: number };

type Target = { db: Db; functions: RegisteredFunction[]; onEnqueue?: () => void };
let target: Target | null = null;

/** The runner points the local queue at its database and functions when it starts. */
export function setLocalQueueTarget(next: Target | null): void {
  target = next;
}

export async function enqueueLocalEvents(db: Db, functions: RegisteredFunction[], events: QueuedEvent[]): Promise<string[]> {
  const ids: string[] = [];
  const rows: Prisma.JobRunCreateManyInput[] = [];
  for (const e of events) {
    const id = e.id ?? randomUUID();
    ids.push(id);
    const event = { id, name: e.name, data: e.data ?? {}, ts: e.ts ?? Date.now() };
    for (const fn of functions) {
      if (fn.events.includes(e.name)) {
        rows.push({ functionId: fn.id, eventId: id, eventName: e.name, event: event as Prisma.InputJsonValue });
      }
    }
  }
  if (rows.length) await db.jobRun.createMany({ data: rows, skipDuplicates: true });
  return ids;
}

/** The event Inngest sends a function at a cron tick. */
export const SCHEDULED_TIMER_EVENT = "inngest/scheduled.timer";

/**
 * Queues one run per cron tick: the latest tick at or before `now` of each expression. The event id
 * names the function and the tick, so every runner, and every later call before the next tick,
 * queues nothing more; a tick missed while no runner was up is caught up once, not once per tick.
 */
export async function enqueueCronTicks(db: Db, functions: RegisteredFunction[], now: Date): Promise<number> {
  const rows: Prisma.JobRunCreateManyInput[] = [];
  for (const fn of functions) {
    for (const cron of fn.crons) {
      // prev() is strictly before its start, so start just after now to include a tick at now.
      const tick = CronExpressionParser.parse(cron, { currentDate: new Date(now.getTime() + 1), tz: "UTC" })
        .prev()
        .toDate();
      const id = `cron:${fn.id}:${cron}:${tick.toISOString()}`;
      const event = { id, name: SCHEDULED_TIMER_EVENT, data: { cron }, ts: tick.getTime() };
      rows.push({ functionId: fn.id, eventId: id, eventName: SCHEDULED_TIMER_EVENT, event, runAfter: tick });
    }
  }
  if (!rows.length) return 0;
  const { count } = await db.jobRun.createMany({ data: rows, skipDuplicates: true });
  return count;
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
