import { audit } from "../audit/log";
import type { Db } from "../db/client";
import { DomainError } from "../errors";
import { getInterviewAnalysis } from "../review/analysis";
import { getInterviewReview } from "../review/interview";
import { shareLinkState } from "./links";
import { hashShareToken, shareVideoPath } from "./token";

export type ShareRefusal = "unknown" | "revoked" | "expired";

/** A share link that no longer (or never did) open its interview; `reason` picks the message and the status. */
export class ShareUnavailableError extends DomainError {
  constructor(
    readonly reason: ShareRefusal,
    message: string,
  ) {
    super("NOT_FOUND", message);
    this.name = "ShareUnavailableError";
  }
}

/** 404 for a token that matches nothing, 410 for a link that worked once. */
export const refusalStatus = (reason: ShareRefusal) => (reason === "unknown" ? 404 : 410);

const utcDateTime = (d: Date) =>
  `${d.toLocaleString("en-GB", { day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "UTC" })} UTC`;

/** The live link a token opens, or ShareUnavailableError saying why not. */
export async function resolveShareToken(db: Db, token: string, now: Date = new Date()) {
  const link = await db.shareLink.findUnique({
    where: { tokenHash: hashShareToken(token) },
    select: { id: true, organizationId: true, invitationId: true, expiresAt: true, revokedAt: true },
  });
  if (!link) throw new ShareUnavailableError("unknown", "This share link does not exist. Check that it was copied whole.");
  const state = shareLinkState(link, now);
  if (state === "revoked") throw new ShareUnavailableError("revoked", "This share link was revoked by the team that shared it. Ask them for a new one.");
  if (state === "expired")
    throw new ShareUnavailableError("expired", `This share link expired on ${utcDateTime(link.expiresAt)}. Ask the team that shared it for a new one.`);
  return link;
}

/** Why a share token opens nothing, for the page that says so; null when it does open its interview. */
export async function shareRefusalMessage(db: Db, token: string, now: Date = new Date()): Promise<string | null> {
  try {
    await resolveShareToken(db, token, now);
    return null;
  } catch (error) {
    if (error instanceof ShareUnavailableError) return error.message;
    throw error;
  }
}

/**
 * What an outside reviewer sees through a share link: the one interview, read-only. The
 * questions, the answers (videos through the share link's own route, written answers and
 * transcripts) and the AI analysis; not the candidate's email, the team's ratings, comments,
 * decision or overrides' reasons, and no link into the app. Every view is counted and logged.
 */
export async function viewSharedInterview(db: Db, token: string, now: Date = new Date()) {
  const link = await resolveShareToken(db, token, now);
  await db.$transaction(async (tx) => {
    await tx.shareLink.update({ where: { id: link.id }, data: { viewCount: { increment: 1 }, lastViewedAt: now } });
    await audit(tx, {
      organizationId: link.organizationId,
      actorId: null,
      action: "share.viewed",
      targetType: "invitation",
      targetId: link.invitationId,
      data: { shareLinkId: link.id },
    });
  });
  const [review, analysis] = await Promise.all([
    getInterviewReview(db, link.organizationId, link.invitationId),
    getInterviewAnalysis(db, link.organizationId, link.invitationId),
  ]);
  const a = analysis.analysis;
  return {
    expiresAt: link.expiresAt,
    candidateName: review.invitation.candidateName,
    completedAt: review.invitation.completedAt,
    job: { title: review.version.title, description: review.version.description },
    answers: review.answers.map((x) => ({
      number: x.number,
      prompt: x.question.prompt,
      type: x.question.type,
      answered: Boolean(x.response?.submittedAt),
      textAnswer: x.response?.textAnswer ?? null,
      videoUrl: x.response && x.playback ? shareVideoPath(token, x.response.id) : null,
      videoType: x.playback?.contentType ?? null,
      transcript: x.transcript ? { text: x.transcript.text, engineLabel: x.transcript.engineLabel, caution: x.transcript.caution } : null,
    })),
    analysis: a
      ? {
          summary: a.summary,
          overall: a.overall,
          recommendation: a.recommendation.effective,
          strengths: a.strengths.map((s) => s.text),
          concerns: a.concerns.map((c) => c.text),
          flags: a.flags.map((f) => f.detail),
          scores: a.scores.map((s) => ({ competency: s.competency, score: s.effective, rationale: s.rationale })),
        }
      : null,
  };
}

export type SharedInterview = Awaited<ReturnType<typeof viewSharedInterview>>;

/**
 * The stored video of one answer of the shared interview, checked against the link on every
 * request (a revoked link stops a player mid-answer): the playback copy when there is one.
 */
export async function sharedAnswerVideo(db: Db, token: string, responseId: string, now: Date = new Date()) {
  const link = await resolveShareToken(db, token, now);
  const response = await db.response.findFirst({
    where: { id: responseId, invitationId: link.invitationId, submittedAt: { not: null } },
    select: {
      mediaAssets: { where: { kind: { in: ["PLAYBACK", "RECORDING"] } }, select: { kind: true, storageDriver: true, storageKey: true, contentType: true } },
    },
  });
  const asset = response?.mediaAssets.find((m) => m.kind === "PLAYBACK") ?? response?.mediaAssets.find((m) => m.kind === "RECORDING");
  return asset ?? null;
}
