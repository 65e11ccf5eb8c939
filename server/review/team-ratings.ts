import { audit } from "../audit/log";
import type { Db } from "../db/client";
import { DomainError, notFound } from "../errors";
import type { RateAnswerInput, TeamInterviewInput } from "./team.schema";

export type RatingView = { responseId: string; score: number; note: string | null; updatedAt: Date };
export type ReviewerRatings = { reviewer: { id: string; name: string }; submittedAt: Date; ratings: RatingView[] };

export type TeamRatingsView = {
  /** When the caller submitted their own ratings; null while they are still rating. */
  submittedAt: Date | null;
  mine: RatingView[];
  /** How many other reviewers have submitted: a count only, which says nothing about their ratings. */
  othersSubmitted: number;
  /** The other reviewers' ratings: null until the caller has submitted theirs (no anchoring). */
  others: ReviewerRatings[] | null;
};

const FINAL = "You have submitted your ratings for this interview: they are final.";

const displayName = (u: { name: string | null; email: string }) => u.name ?? u.email;

/** The answers a reviewer can rate: the submitted ones of a completed interview of the organization. */
async function ratableAnswers(db: Pick<Db, "invitation">, organizationId: string, invitationId: string) {
  const invitation = await db.invitation.findFirst({
    where: { id: invitationId, organizationId },
    select: { id: true, completedAt: true, responses: { where: { submittedAt: { not: null } }, select: { id: true } } },
  });
  if (!invitation) throw notFound("The interview");
  return invitation;
}

/** Saves the caller's 1-5 rating and note on one answer, until they submit their ratings. */
export async function rateAnswer(db: Db, reviewerId: string, organizationId: string, input: RateAnswerInput): Promise<RatingView> {
  return db.$transaction(async (tx) => {
    const response = await tx.response.findFirst({
      where: { id: input.responseId, invitation: { organizationId } },
      select: { id: true, submittedAt: true, invitationId: true, invitation: { select: { completedAt: true } } },
    });
    if (!response) throw notFound("The answer");
    if (!response.invitation.completedAt || !response.submittedAt)
      throw new DomainError("BAD_REQUEST", "Rate the answers once the candidate has completed the interview.");
    const state = await tx.reviewerState.findUnique({
      where: { invitationId_reviewerId: { invitationId: response.invitationId, reviewerId } },
      select: { ratingsSubmittedAt: true },
    });
    if (state?.ratingsSubmittedAt) throw new DomainError("CONFLICT", FINAL);
    const data = { score: input.score, note: input.note };
    const row = await tx.answerRating.upsert({
      where: { responseId_reviewerId: { responseId: response.id, reviewerId } },
      create: { organizationId, invitationId: response.invitationId, responseId: response.id, reviewerId, ...data },
      update: data,
      select: { responseId: true, score: true, note: true, updatedAt: true },
    });
    return row;
  });
}

/**
 * Submits the caller's ratings: every submitted answer must have one. From then on they are final,
 * the caller sees the other reviewers' ratings, and the interview counts as reviewed by them.
 */
export async function submitRatings(db: Db, reviewerId: string, organizationId: string, input: TeamInterviewInput, now: Date = new Date()) {
  await db.$transaction(async (tx) => {
    const invitation = await ratableAnswers(tx, organizationId, input.invitationId);
    if (!invitation.completedAt) throw new DomainError("BAD_REQUEST", "Rate the answers once the candidate has completed the interview.");
    const key = { invitationId_reviewerId: { invitationId: invitation.id, reviewerId } };
    const state = await tx.reviewerState.findUnique({ where: key, select: { ratingsSubmittedAt: true, reviewedAt: true } });
    if (state?.ratingsSubmittedAt) throw new DomainError("CONFLICT", FINAL);
    const rated = await tx.answerRating.count({ where: { reviewerId, responseId: { in: invitation.responses.map((r) => r.id) } } });
    const missing = invitation.responses.length - rated;
    if (missing > 0) throw new DomainError("BAD_REQUEST", `Rate every answer before you submit: ${missing} ${missing === 1 ? "is" : "are"} not rated yet.`);
    await tx.reviewerState.upsert({
      where: key,
      create: { invitationId: invitation.id, reviewerId, organizationId, ratingsSubmittedAt: now, reviewedAt: now },
      update: { ratingsSubmittedAt: now, reviewedAt: state?.reviewedAt ?? now },
    });
    await audit(tx, {
      organizationId,
      actorId: reviewerId,
      action: "review.ratings-submitted",
      targetType: "invitation",
      targetId: invitation.id,
      data: { answers: rated },
    });
  });
  return teamRatings(db, reviewerId, organizationId, input);
}

/**
 * The caller's own ratings, and the other reviewers' only once the caller has submitted: the
 * server decides, so no client (and no owner or admin) can read them earlier.
 */
export async function teamRatings(db: Db, reviewerId: string, organizationId: string, input: TeamInterviewInput): Promise<TeamRatingsView> {
  const invitation = await db.invitation.findFirst({ where: { id: input.invitationId, organizationId }, select: { id: true } });
  if (!invitation) throw notFound("The interview");
  const [states, mine] = await Promise.all([
    db.reviewerState.findMany({
      where: { invitationId: invitation.id, ratingsSubmittedAt: { not: null } },
      select: { reviewerId: true, ratingsSubmittedAt: true, reviewer: { select: { name: true, email: true } } },
      orderBy: { ratingsSubmittedAt: "asc" },
    }),
    db.answerRating.findMany({
      where: { invitationId: invitation.id, reviewerId },
      select: { responseId: true, score: true, note: true, updatedAt: true },
    }),
  ]);
  const own = states.find((s) => s.reviewerId === reviewerId);
  const submittedOthers = states.filter((s) => s.reviewerId !== reviewerId);
  if (!own) return { submittedAt: null, mine, othersSubmitted: submittedOthers.length, others: null };

  const theirs = await db.answerRating.findMany({
    where: { invitationId: invitation.id, reviewerId: { in: submittedOthers.map((s) => s.reviewerId) } },
    select: { reviewerId: true, responseId: true, score: true, note: true, updatedAt: true },
  });
  return {
    submittedAt: own.ratingsSubmittedAt,
    mine,
    othersSubmitted: submittedOthers.length,
    others: submittedOthers.map((s) => ({
      reviewer: { id: s.reviewerId, name: displayName(s.reviewer) },
      submittedAt: s.ratingsSubmittedAt!,
      ratings: theirs.filter((r) => r.reviewerId === s.reviewerId).map(({ reviewerId: _r, ...r }) => r),
    })),
  };
}
