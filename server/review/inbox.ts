import type { Db, Prisma } from "../db/client";
import { RECOMMENDATION_LABELS, recommendationSchema } from "../analysis/analysis.schema";
import type { InboxInput } from "./team.schema";

/** Each section lists this many, newest (or most urgent) first; its count says how many there are. */
export const INBOX_SHOWN = 20;

export type InboxSectionKind = "ready" | "in-progress" | "awaiting" | "failed";

export type InboxRow = {
  invitationId: string;
  candidateName: string;
  jobTitle: string;
  /** When the row's state began: completed, started, sent, or the failure. */
  at: Date;
  /** The deadline of the link, for interviews still waiting for the candidate. */
  expiresAt: Date;
  action: { label: string; href: string };
  /** Ready interviews only: the AI's overall score (1-5) and recommendation, and how many flags it raised. */
  score: number | null;
  recommendation: string | null;
  flags: number;
  reviewedByMe: boolean;
  reviewedBy: number;
  detail: string | null;
};

export type InboxSection = { kind: InboxSectionKind; count: number; rows: InboxRow[] };

// Answers the media pipeline is still working on.
const PROCESSING = ["PENDING", "UPLOADING", "UPLOADED", "PROCESSING", "TRANSCRIBING", "TRANSCRIBED", "ANALYZING"] as const;

/**
 * HR's inbox: every interview of the organization that needs someone, in four sections.
 *  - ready: completed, processed, and analysed (or the candidate asked for people only);
 *  - in progress: the candidate is recording, or the pipeline is still processing the answers;
 *  - awaiting the candidate: sent or opened, link still valid;
 *  - failed: an answer or the analysis failed and needs "Process again".
 * "Reviewed by me" is the caller's own ReviewerState (marked reviewed or ratings submitted).
 */
export async function reviewInbox(db: Db, reviewerId: string, organizationId: string, input: InboxInput, now: Date = new Date()) {
  const completed: Prisma.InvitationWhereInput = { organizationId, status: "COMPLETED", completedAt: { not: null } };
  const failed: Prisma.InvitationWhereInput = {
    OR: [
      { responses: { some: { status: "FAILED" } } },
      { AND: [{ analyses: { some: { responseId: null, status: "FAILED" } } }, { analyses: { none: { responseId: null, status: "COMPLETE" } } }] },
    ],
  };
  const processed: Prisma.InvitationWhereInput = {
    OR: [
      { analyses: { some: { responseId: null, status: "COMPLETE" } } },
      { humanReviewRequestedAt: { not: null }, responses: { none: { status: { in: [...PROCESSING] } } } },
    ],
  };
  const mine: Prisma.InvitationWhereInput =
    input.filter === "not-reviewed-by-me" ? { reviewerStates: { none: { reviewerId, reviewedAt: { not: null } } } } : {};
  const where: Record<InboxSectionKind, Prisma.InvitationWhereInput> = {
    ready: { AND: [completed, processed, { NOT: failed }, mine] },
    "in-progress": {
      OR: [
        { organizationId, status: { in: ["OPENED", "IN_PROGRESS"] }, startedAt: { not: null }, expiresAt: { gt: now } },
        { AND: [completed, { NOT: processed }, { NOT: failed }] },
      ],
    },
    awaiting: { organizationId, status: { in: ["SENT", "OPENED"] }, startedAt: null, expiresAt: { gt: now } },
    failed: { AND: [completed, failed] },
  };
  const orderBy: Record<InboxSectionKind, Prisma.InvitationOrderByWithRelationInput[]> = {
    ready: [{ completedAt: "desc" }, { id: "desc" }],
    "in-progress": [{ updatedAt: "desc" }, { id: "desc" }],
    awaiting: [{ expiresAt: "asc" }, { id: "asc" }],
    failed: [{ completedAt: "desc" }, { id: "desc" }],
  };
  const select = {
    id: true,
    candidateName: true,
    sentAt: true,
    startedAt: true,
    completedAt: true,
    expiresAt: true,
    updatedAt: true,
    template: { select: { title: true } },
    analyses: {
      where: { responseId: null },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: 1,
      select: { status: true, overallScore: true, recommendation: true, flagged: true, result: true, error: true },
    },
    responses: { where: { status: "FAILED" }, orderBy: { position: "asc" }, take: 1, select: { id: true, position: true, failureReason: true } },
    reviewerStates: { where: { reviewedAt: { not: null } }, select: { reviewerId: true } },
  } satisfies Prisma.InvitationSelect;

  const kinds: InboxSectionKind[] = ["ready", "in-progress", "awaiting", "failed"];
  const sections = await Promise.all(
    kinds.map(async (kind): Promise<InboxSection> => {
      const [count, rows] = await Promise.all([
        db.invitation.count({ where: where[kind] }),
        db.invitation.findMany({ where: where[kind], orderBy: orderBy[kind], take: INBOX_SHOWN, select }),
      ]);
      return {
        kind,
        count,
        rows: rows.map((i) => {
          const analysis = i.analyses[0];
          const failedAnswer = i.responses[0];
          const href = `/interviews/${i.id}`;
          const recommendation = recommendationSchema.safeParse(analysis?.recommendation);
          const base = {
            invitationId: i.id,
            candidateName: i.candidateName,
            jobTitle: i.template.title,
            expiresAt: i.expiresAt,
            score: null,
            recommendation: null,
            flags: 0,
            reviewedByMe: i.reviewerStates.some((s) => s.reviewerId === reviewerId),
            reviewedBy: i.reviewerStates.length,
            detail: null,
          };
          switch (kind) {
            case "ready":
              return {
                ...base,
                at: i.completedAt!,
                action: { label: "Review", href },
                score: analysis?.status === "COMPLETE" ? analysis.overallScore : null,
                recommendation: analysis?.status === "COMPLETE" && recommendation.success ? RECOMMENDATION_LABELS[recommendation.data] : null,
                flags: analysis?.status === "COMPLETE" ? flagCount(analysis.result, analysis.flagged) : 0,
              };
            case "in-progress":
              return {
                ...base,
                at: i.completedAt ?? i.startedAt ?? i.updatedAt,
                action: { label: "Follow progress", href },
                detail: i.completedAt ? "Completed; the answers are being processed." : "The candidate is recording.",
              };
            case "awaiting":
              return { ...base, at: i.sentAt, action: { label: "Resend or remind", href }, detail: null };
            case "failed":
              return {
                ...base,
                at: i.completedAt!,
                action: failedAnswer ? { label: "Process again", href: `${href}?answer=${failedAnswer.id}` } : { label: "Process again", href },
                detail: failedAnswer
                  ? `Question ${failedAnswer.position + 1}: ${failedAnswer.failureReason ?? "processing failed."}`
                  : (analysis?.error ?? "The analysis failed."),
              };
          }
        }),
      };
    }),
  );
  return { filter: input.filter, sections };
}

function flagCount(result: unknown, flagged: boolean): number {
  const flags = result && typeof result === "object" && "flags" in result && Array.isArray(result.flags) ? result.flags.length : 0;
  return flags || (flagged ? 1 : 0);
}
