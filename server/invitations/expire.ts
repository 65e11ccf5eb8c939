import type { Db } from "../db/client";
import { enqueueEvent } from "../events/outbox";
import { OPEN_STATUSES } from "./status";

// One transaction per batch keeps a backlog (the app was down for days) from holding a long lock.
const BATCH = 500;

/**
 * Marks past-due open invitations as EXPIRED, each with its `invitation.expired` event in the same
 * transaction, and returns how many changed. Readers do not wait for this (see effectiveStatus);
 * it keeps the stored status, the dashboard counts and the candidate flow's checks in step. The
 * expire-invitations function runs it every few minutes.
 */
export async function expireInvitations(db: Db, now: Date = new Date()): Promise<number> {
  let total = 0;
  for (;;) {
    const count = await db.$transaction(async (tx) => {
      const due = await tx.invitation.findMany({
        where: { status: { in: [...OPEN_STATUSES] }, expiresAt: { lte: now } },
        select: { id: true },
        orderBy: { expiresAt: "asc" },
        take: BATCH,
      });
      if (!due.length) return 0;
      // The status is checked again in the update, so an invitation completed meanwhile stays completed.
      const expired = await tx.invitation.updateManyAndReturn({
        where: { id: { in: due.map((d) => d.id) }, status: { in: [...OPEN_STATUSES] }, expiresAt: { lte: now } },
        data: { status: "EXPIRED" },
        select: { id: true, organizationId: true },
      });
      for (const inv of expired) await enqueueEvent(tx, "invitation.expired", { invitationId: inv.id }, inv.organizationId);
      return expired.length;
    });
    total += count;
    if (count < BATCH) return total;
  }
}
