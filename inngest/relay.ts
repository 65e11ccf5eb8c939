import type { Db } from "@/server/db/client";
import { inngest } from "./client";

export type RelayOptions = {
  batch?: number;
  /** Sends events; the default is the Inngest client (the local queue when running in-process). */
  send?: (events: { id: string; name: string; data: Record<string, unknown>; ts: number }[]) => Promise<unknown>;
};

// An outbox row that keeps failing is retried less and less often, up to this gap.
const MAX_RETRY_GAP_MS = 10 * 60_000;

/**
 * Sends committed outbox rows to Inngest with their row id as the event id, then marks them sent.
 * A row exists only if its transaction committed, so nothing is sent for a rolled-back change;
 * a crash between sending and marking resends the same ids, which Inngest (and the local queue)
 * deduplicate. Never called from a request: with no reachable server `send` takes seconds to fail.
 */
export async function relayOutbox(db: Db, opts: RelayOptions = {}, now: Date = new Date()): Promise<{ sent: number; failed: number }> {
  const send = opts.send ?? ((events) => inngest.send(events));
  const pending = await db.outboxEvent.findMany({
    where: { sentAt: null },
    orderBy: { createdAt: "asc" },
    take: opts.batch ?? 50,
  });
  // Rows that failed before wait out a growing gap, so one bad row does not hold the relay busy.
  const due = pending.filter((row) => row.attempts === 0 || (row.lastAttemptAt ?? row.createdAt).getTime() + Math.min(1000 * 2 ** row.attempts, MAX_RETRY_GAP_MS) <= now.getTime());
  if (!due.length) return { sent: 0, failed: 0 };
  const events = due.map((row) => ({ id: row.id, name: row.name, data: row.payload as Record<string, unknown>, ts: row.createdAt.getTime() }));
  try {
    await send(events);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await db.outboxEvent.updateMany({ where: { id: { in: due.map((r) => r.id) } }, data: { attempts: { increment: 1 }, lastError: message.slice(0, 1000), lastAttemptAt: new Date() } });
    return { sent: 0, failed: due.length };
  }
  await db.outboxEvent.updateMany({ where: { id: { in: due.map((r) => r.id) } }, data: { sentAt: new Date(), lastError: null } });
  return { sent: due.length, failed: 0 };
}
