import type { Prisma } from "../db/client";
import { OPEN_STATUSES } from "./status";

/**
 * Marks past-due open invitations as EXPIRED and returns how many changed. Readers do not wait for
 * this (see effectiveStatus); it keeps the stored status, the dashboard counts and the candidate
 * flow's checks in step, and the background clean-up calls it periodically.
 */
export async function expireInvitations(db: Pick<Prisma.TransactionClient, "invitation">, now: Date = new Date()): Promise<number> {
  const { count } = await db.invitation.updateMany({
    where: { status: { in: [...OPEN_STATUSES] }, expiresAt: { lte: now } },
    data: { status: "EXPIRED" },
  });
  return count;
}
