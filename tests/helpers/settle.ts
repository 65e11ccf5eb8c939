import { relayOutbox } from "@/inngest/relay";
import type { InProcessRunner } from "@/inngest/runner/runner";
import { getDb } from "@/server/db/client";

/**
 * Relays the outbox and drains the runner until no event waits and no run is due: the background
 * work a test started has finished. A scheduled function's next tick (the digest tomorrow at 07:00)
 * waits its time, so only runs due now count.
 */
export async function settle(runner: InProcessRunner, timeoutMs: number) {
  const db = getDb();
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await relayOutbox(db);
    await runner.drain({ timeoutMs });
    const open = await db.jobRun.count({ where: { status: { in: ["QUEUED", "RUNNING", "SLEEPING"] }, runAfter: { lte: new Date() } } });
    const pending = await db.outboxEvent.count({ where: { sentAt: null } });
    if (!open && !pending) return;
    if (Date.now() > deadline) throw new Error(`background work still busy: ${open} runs, ${pending} events`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
