import type { Prisma } from "../db/client";
import { DomainError } from "../errors";
import { readStoredSettings } from "../templates/settings.schema";
import { templateSnapshotSchema } from "../templates/versions";
import type { TokenInvitation } from "./access";
import { effectiveSettings, timeLeftMs, type InterviewSettings } from "./interview-settings";

export const TIME_UP_MESSAGE =
  "The time for this interview has run out, so no more answers can be started. The answers you already sent are with the hiring team.";
export const PAUSED_MESSAGE = "Your interview is paused. Resume it to answer.";

/** This candidate's settings: the template version's as sent, with what HR changed for them on top. */
export async function settingsFor(tx: Pick<Prisma.TransactionClient, "templateVersion">, invitation: TokenInvitation): Promise<InterviewSettings> {
  const version = await tx.templateVersion.findUniqueOrThrow({ where: { id: invitation.templateVersionId }, select: { snapshot: true } });
  return effectiveSettings(templateSnapshotSchema.parse(version.snapshot).settings, readStoredSettings(invitation.settingsOverride));
}

/**
 * Refuses an answer started after the overall limit, or while the interview is paused. A recording
 * started in time may still be submitted after it: the limit is on starting answers, so a candidate
 * never loses a take they were already recording.
 */
export async function assertWithinTimeLimit(tx: Pick<Prisma.TransactionClient, "templateVersion">, invitation: TokenInvitation, now: Date): Promise<void> {
  const { timeLimitMin } = await settingsFor(tx, invitation);
  if (timeLimitMin == null) return;
  if (invitation.pausedAt) throw new DomainError("PRECONDITION_FAILED", PAUSED_MESSAGE);
  if (timeLeftMs(timeLimitMin, invitation, now) === 0) throw new DomainError("PRECONDITION_FAILED", TIME_UP_MESSAGE);
}
