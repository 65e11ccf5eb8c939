import type { Db } from "../db/client";
import type { SessionUser } from "../auth/session-user";

/** A signed-in candidate's invitations: addressed to their email or already linked to their account. */
export async function myInvitations(db: Db, user: SessionUser) {
  return db.invitation.findMany({
    where: { OR: [{ candidateUserId: user.id }, { candidateEmail: user.email }] },
    orderBy: { sentAt: "desc" },
    select: {
      id: true,
      status: true,
      expiresAt: true,
      sentAt: true,
      completedAt: true,
      humanReviewRequestedAt: true,
      deletionRequest: { select: { dueAt: true } },
      organization: { select: { name: true } },
      template: { select: { title: true } },
    },
  });
}
