import type { Db } from "../db/client";
import { DomainError } from "../errors";
import { assertAnswerable, invitationByToken } from "./access";
import { pausedMsAfterResume, timeLeftMs } from "./interview-settings";
import type { SetPausedInput } from "./interview.schema";
import { settingsFor, TIME_UP_MESSAGE } from "./time-limit";
import { CANDIDATE_TRANSACTION } from "./transaction";

/**
 * Pauses or resumes the overall clock of an interview that has an overall limit and allows pausing.
 * Both are conditional updates on the clock as read, so two tabs cannot count one pause twice;
 * asking for the state the interview is already in answers as if it had just been done.
 */
export async function setPaused(db: Db, input: SetPausedInput, now: Date = new Date()): Promise<{ paused: boolean }> {
  return db.$transaction(async (tx) => {
    const invitation = await invitationByToken(tx, input.token);
    assertAnswerable(invitation, { consent: true }, now);
    const settings = await settingsFor(tx, invitation);
    if (settings.timeLimitMin == null) throw new DomainError("PRECONDITION_FAILED", "This interview has no overall time limit, so there is no clock to pause.");
    if (!settings.allowPause) throw new DomainError("PRECONDITION_FAILED", "This interview cannot be paused: its clock keeps running until the time is up.");
    if (Boolean(invitation.pausedAt) === input.paused) return { paused: input.paused };
    if (input.paused) {
      if (timeLeftMs(settings.timeLimitMin, invitation, now) === 0) throw new DomainError("PRECONDITION_FAILED", TIME_UP_MESSAGE);
      const { count } = await tx.invitation.updateMany({ where: { id: invitation.id, pausedAt: null }, data: { pausedAt: now } });
      if (!count) throw new DomainError("CONFLICT", "Your interview changed in another window. Reload the page to continue.");
      return { paused: true };
    }
    const { count } = await tx.invitation.updateMany({
      where: { id: invitation.id, pausedAt: invitation.pausedAt },
      data: { pausedAt: null, pausedMs: pausedMsAfterResume(invitation, now) },
    });
    if (!count) throw new DomainError("CONFLICT", "Your interview changed in another window. Reload the page to continue.");
    return { paused: false };
  }, CANDIDATE_TRANSACTION);
}
