import type { Db } from "../db/client";

/**
 * The answers of an interview whose background work a runner took over after its holder died and
 * has not yet carried past the step it was in: their status (TRANSCRIBING, ANALYZING…) was written
 * by the dead runner, so HR is told the work is resuming after a restart instead.
 */
export async function resumingAnswers(db: Db, invitationId: string, answers: { id: string; status: string }[]): Promise<Set<string>> {
  const runs = await db.jobRun.findMany({
    where: { status: { in: ["RUNNING", "QUEUED"] }, resumedAt: { not: null }, event: { path: ["data", "invitationId"], equals: invitationId } },
    select: { event: true },
  });
  const resuming = new Set<string>();
  for (const run of runs) {
    const responseId = (run.event as { data?: { responseId?: unknown } }).data?.responseId;
    if (typeof responseId === "string") resuming.add(responseId);
    // A run of the whole interview (its analysis) holds every answer being analysed.
    else for (const a of answers) if (a.status === "ANALYZING") resuming.add(a.id);
  }
  return resuming;
}
