import type { Db, ResponseStatus } from "../db/client";

/**
 * The answer's place in the pipeline, which HR sees on the review page:
 * UPLOADED -> PROCESSING -> TRANSCRIBING -> TRANSCRIBED -> ANALYZING -> ANALYZED, or FAILED with a reason.
 * Each move is conditional on where the answer is, so a replayed step cannot move it backwards
 * (an answer already analysed stays analysed when its media step runs again).
 */
const ORDER: ResponseStatus[] = ["UPLOADED", "PROCESSING", "TRANSCRIBING", "TRANSCRIBED", "ANALYZING", "ANALYZED"];

export async function advanceResponse(db: Pick<Db, "response">, responseId: string, to: ResponseStatus): Promise<boolean> {
  // Processing starts over from FAILED too: an operator's re-run of a failed answer's run.
  const before: ResponseStatus[] = [...ORDER.slice(0, ORDER.indexOf(to)), ...(to === "PROCESSING" ? (["FAILED"] as const) : [])];
  const { count } = await db.response.updateMany({
    where: { id: responseId, submittedAt: { not: null }, status: { in: before } },
    data: { status: to, failureReason: null },
  });
  return count > 0;
}

/** Ends the answer's processing with a sentence HR can read; the retry button starts it again. */
export async function failResponse(db: Pick<Db, "response">, responseId: string, reason: string): Promise<void> {
  await db.response.updateMany({
    where: { id: responseId, status: { notIn: ["ANALYZED"] } },
    data: { status: "FAILED", failureReason: reason.slice(0, 1000) },
  });
}

/** Puts analysed-or-analysing answers back to TRANSCRIBED when an analysis could not be made. */
export async function revertAnalyzing(db: Pick<Db, "response">, invitationId: string): Promise<void> {
  await db.response.updateMany({ where: { invitationId, status: "ANALYZING" }, data: { status: "TRANSCRIBED" } });
}

export async function markAnalyzing(db: Pick<Db, "response">, invitationId: string): Promise<void> {
  await db.response.updateMany({ where: { invitationId, status: "TRANSCRIBED" }, data: { status: "ANALYZING" } });
}
