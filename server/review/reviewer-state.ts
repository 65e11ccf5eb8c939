import type { Db } from "../db/client";
import { DomainError, notFound } from "../errors";
import type { MarkReviewedInput } from "./team.schema";

/** The caller marks a completed interview reviewed (or not yet): the inbox's "reviewed by me". */
export async function markReviewed(db: Db, reviewerId: string, organizationId: string, input: MarkReviewedInput, now: Date = new Date()) {
  const invitation = await db.invitation.findFirst({ where: { id: input.invitationId, organizationId }, select: { id: true, completedAt: true } });
  if (!invitation) throw notFound("The interview");
  if (!invitation.completedAt) throw new DomainError("BAD_REQUEST", "An interview can be marked reviewed once the candidate has completed it.");
  const reviewedAt = input.reviewed ? now : null;
  const row = await db.reviewerState.upsert({
    where: { invitationId_reviewerId: { invitationId: invitation.id, reviewerId } },
    create: { invitationId: invitation.id, reviewerId, organizationId, reviewedAt },
    update: { reviewedAt },
    select: { reviewedAt: true, ratingsSubmittedAt: true },
  });
  return row;
}

/** The caller's own state on one interview. */
export async function reviewerState(db: Db, reviewerId: string, organizationId: string, invitationId: string) {
  const invitation = await db.invitation.findFirst({ where: { id: invitationId, organizationId }, select: { id: true } });
  if (!invitation) throw notFound("The interview");
  const row = await db.reviewerState.findUnique({
    where: { invitationId_reviewerId: { invitationId, reviewerId } },
    select: { reviewedAt: true, ratingsSubmittedAt: true },
  });
  return row ?? { reviewedAt: null, ratingsSubmittedAt: null };
}
