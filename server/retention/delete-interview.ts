import type { SessionUser } from "../auth/session-user";
import type { Db } from "../db/client";
import { notFound } from "../errors";
import { emailDataDeleted } from "./candidate-email";
import { purgeInterview, type PurgeReason } from "./purge";
import type { DeleteInterviewDataInput } from "./retention.schema";
import { deleteQueuedFiles } from "./storage-deletions";

export type InterviewDeletion = { filesQueued: number; filesDeleted: number; filesFailed: number; candidateEmailed: boolean };

async function purgeAndTell(db: Db, invitationId: string, reason: PurgeReason, actorId: string | null, organizationId: string): Promise<InterviewDeletion> {
  const purged = await purgeInterview(db, { invitationId, reason, actorId });
  if (!purged) return { filesQueued: 0, filesDeleted: 0, filesFailed: 0, candidateEmailed: false };
  // The files go right away; any that fail stay queued for the sweep to retry and admins to see.
  const files = await deleteQueuedFiles(db, { organizationId });
  const candidateEmailed = reason === "candidate-request" ? await emailDataDeleted(purged.candidateEmail, purged.organizationName) : false;
  return { filesQueued: purged.filesQueued, filesDeleted: files.deleted, filesFailed: files.failed.length, candidateEmailed };
}

/**
 * HR deletes one candidate's interview data at once. When the candidate had asked for it, the
 * request is thereby carried out and they are told.
 */
export async function deleteInterviewData(db: Db, actor: SessionUser, organizationId: string, input: DeleteInterviewDataInput): Promise<InterviewDeletion> {
  const invitation = await db.invitation.findFirst({
    where: { id: input.invitationId, organizationId },
    select: { id: true, deletionRequest: { select: { id: true } } },
  });
  if (!invitation) throw notFound("The interview");
  return purgeAndTell(db, invitation.id, invitation.deletionRequest ? "candidate-request" : "hr", actor.id, organizationId);
}

/** The sweep's deletion of one due interview (past retention, or a candidate's request come due). */
export async function deleteDueInterview(db: Db, invitationId: string, reason: "retention" | "candidate-request"): Promise<InterviewDeletion> {
  const invitation = await db.invitation.findUnique({ where: { id: invitationId }, select: { organizationId: true } });
  if (!invitation) return { filesQueued: 0, filesDeleted: 0, filesFailed: 0, candidateEmailed: false };
  return purgeAndTell(db, invitationId, reason, null, invitation.organizationId);
}
