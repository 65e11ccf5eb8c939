import type { Db, OutboxEvent } from "@/server/db/client";
import { inngest } from "./client";
import { inngestMode } from "./mode";
import { relaySpans } from "./tracing";

export type RelayOptions = {
  batch?: number;
  /** Sends events; the default is the Inngest client (the local queue when running in-process). */
  send?: (events: { id: string; name: string; data: Record<string, unknown>; ts: number; traceparent?: string }[]) => Promise<unknown>;
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
  // Rows are claimed, not just read: FOR UPDATE SKIP LOCKED gives each row to one relay at a time
  // (a second relay running this at the same moment passes over the rows the first is claiming),
  // and the claim stamps lastAttemptAt, which keeps the row from every relay for its retry gap
  // (1 s at least) while it is sent. A relay that dies holding rows thus lets them go after that gap;
  // a send slower than the gap may be repeated by another relay, which the event id deduplicates.
  // The claim is stamped with the clock, not `now`: a relay asked to act as of a later time (the
  // scheduled work's tests) must not hide its rows from relays running in the present.
  // Rows that failed wait out a growing gap (up to MAX_RETRY_GAP_MS), so one bad row does not keep
  // the relay busy.
  const claimed = await db.$queryRaw<OutboxEvent[]>`
    WITH due AS (
      SELECT "id" FROM "outbox_events"
      WHERE "sentAt" IS NULL
        AND ("lastAttemptAt" IS NULL OR "lastAttemptAt" + make_interval(secs => least(power(2, "attempts"), ${MAX_RETRY_GAP_MS / 1000})) <= ${now})
      ORDER BY "createdAt"
      LIMIT ${opts.batch ?? 50}
      FOR UPDATE SKIP LOCKED
    )
    UPDATE "outbox_events" o SET "lastAttemptAt" = ${new Date()} FROM due WHERE o."id" = due."id"
    RETURNING o.*`;
  const due = claimed.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  if (!due.length) return { sent: 0, failed: 0 };
  const spans = relaySpans(due);
  // The in-process runner keeps an event's traceparent with its runs; an Inngest server is sent
  // the events as its API defines them.
  const carryTrace = inngestMode() === "in-process";
  const toEvent = (row: (typeof due)[number]) => {
    const traceparent = carryTrace ? spans.traceparentOf(row.id) : null;
    return { id: row.id, name: row.name, data: row.payload as Record<string, unknown>, ts: row.createdAt.getTime(), ...(traceparent ? { traceparent } : {}) };
  };

  const markSent = async (ids: string[]) => {
    await db.outboxEvent.updateMany({ where: { id: { in: ids } }, data: { sentAt: new Date(), lastError: null } });
    spans.sent(ids);
  };
  try {
    await send(due.map(toEvent));
    await markSent(due.map((r) => r.id));
    return { sent: due.length, failed: 0 };
  } catch {
    // One event the server refuses must not hold back the others: the batch is sent row by row.
  }
  let sent = 0;
  let failed = 0;
  for (const row of due) {
    try {
      await send([toEvent(row)]);
      await markSent([row.id]);
      sent++;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      spans.failed(row.id, error);
      await db.outboxEvent.update({
        where: { id: row.id },
        data: { attempts: { increment: 1 }, lastError: message.slice(0, 1000), lastAttemptAt: new Date() },
      });
      failed++;
    }
  }
  return { sent, failed };
}
