import { createHash } from "node:crypto";
import type { Db } from "../db/client";

export type Readiness = { ready: false; waitingFor: number } | { ready: true; key: string };

const TRANSCRIBED = ["TRANSCRIBED", "ANALYZING", "ANALYZED"];

/**
 * Whether a completed interview can be analysed: every submitted video answer has a transcript or
 * has failed, and every written answer is in. `key` names this exact state (which answers, which
 * transcripts), so the analysis event sent for it is deduplicated when two answers finish at once,
 * and a later retry that changes a transcript gets an analysis of its own.
 */
export async function interviewReadiness(db: Db, invitationId: string): Promise<Readiness> {
  const invitation = await db.invitation.findUnique({
    where: { id: invitationId },
    select: {
      status: true,
      responses: { select: { id: true, type: true, status: true, submittedAt: true, transcript: { select: { id: true, createdAt: true } } } },
    },
  });
  if (!invitation || invitation.status !== "COMPLETED") return { ready: false, waitingFor: -1 };
  // A completed interview's unsubmitted answers are optional questions the candidate skipped when
  // completing early (server/interview/progress.ts): there is nothing to wait for.
  const answered = invitation.responses.filter((r) => r.submittedAt);
  const waiting = answered.filter((r) => {
    if (r.type !== "VIDEO") return false;
    return !(r.status === "FAILED" || (r.transcript && TRANSCRIBED.includes(r.status)));
  });
  if (waiting.length) return { ready: false, waitingFor: waiting.length };
  // Every recording failed and nothing was written: there is nothing to analyse (HR can retry).
  // Multiple-choice answers are scored by their key, not analysed, so they alone are not enough.
  const analysable = answered.some((r) => (r.type === "VIDEO" ? r.transcript && TRANSCRIBED.includes(r.status) : r.type !== "MULTIPLE_CHOICE"));
  if (!analysable) return { ready: false, waitingFor: 0 };
  const state = answered
    .map((r) => `${r.id}:${r.status === "FAILED" ? "failed" : (r.transcript?.id ?? "text")}:${r.transcript?.createdAt.getTime() ?? 0}`)
    .sort()
    .join("|");
  return { ready: true, key: createHash("sha256").update(state).digest("hex").slice(0, 16) };
}
