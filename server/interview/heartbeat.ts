import type { Db } from "../db/client";
import { hashInvitationToken } from "../invitations/token";
import { OPEN_STATUSES } from "../invitations/status";
import { HEARTBEAT_WRITE_EVERY_MS } from "./interview-rules";
import type { InterviewTokenInput } from "./interview.schema";

/**
 * Records that the candidate's page is open, for HR's "last seen". One conditional UPDATE and no
 * read: pings closer together than HEARTBEAT_WRITE_EVERY_MS, a closed interview and an unknown
 * token write nothing, and the answer is the same either way, so it tells nobody which links exist.
 */
export async function recordHeartbeat(db: Db, input: InterviewTokenInput, now: Date = new Date()): Promise<{ ok: true }> {
  await db.invitation.updateMany({
    where: {
      tokenHash: hashInvitationToken(input.token),
      status: { in: [...OPEN_STATUSES] },
      expiresAt: { gt: now },
      OR: [{ lastSeenAt: null }, { lastSeenAt: { lt: new Date(now.getTime() - HEARTBEAT_WRITE_EVERY_MS) } }],
    },
    data: { lastSeenAt: now },
  });
  return { ok: true };
}
