import { audit } from "../audit/log";
import type { Db } from "../db/client";
import { invitationOfHolder, type RightsHolder } from "./candidate-invitations";

/**
 * The candidate asks for people only to review their answers. From then on no AI analysis runs for
 * the interview (analyze-interview checks it), and one already made is deleted, so HR never reads
 * it. Asking again changes nothing.
 */
export async function requestHumanReview(db: Db, holder: RightsHolder, now: Date = new Date()): Promise<{ humanReviewRequestedAt: Date }> {
  return db.$transaction(async (tx) => {
    const invitationId = await invitationOfHolder(tx, holder);
    const invitation = await tx.invitation.findUniqueOrThrow({ where: { id: invitationId }, select: { organizationId: true, humanReviewRequestedAt: true } });
    if (invitation.humanReviewRequestedAt) return { humanReviewRequestedAt: invitation.humanReviewRequestedAt };
    await tx.invitation.update({ where: { id: invitationId }, data: { humanReviewRequestedAt: now } });
    const { count } = await tx.analysis.deleteMany({ where: { invitationId } });
    await tx.response.updateMany({ where: { invitationId, status: { in: ["ANALYZING", "ANALYZED"] } }, data: { status: "TRANSCRIBED" } });
    await audit(tx, {
      organizationId: invitation.organizationId,
      actorId: "user" in holder ? holder.user.id : null,
      action: "interview.human_review_requested",
      targetType: "invitation",
      targetId: invitationId,
      data: { analysesDeleted: count },
    });
    return { humanReviewRequestedAt: now };
  });
}

/** Whether the AI may read this interview: not once its candidate asked for people only. */
export async function aiAnalysisAllowed(db: Db, invitationId: string): Promise<boolean> {
  const invitation = await db.invitation.findUnique({ where: { id: invitationId }, select: { humanReviewRequestedAt: true } });
  return invitation !== null && invitation.humanReviewRequestedAt === null;
}
