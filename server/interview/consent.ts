import { audit } from "../audit/log";
import type { Db } from "../db/client";
import { assertAnswerable, invitationByToken } from "./access";
import type { ConsentInput } from "./interview.schema";
import { loadInterviewState, type InterviewState } from "./state";

/**
 * The candidate agreed to be recorded, to automatic analysis and to the retention period. The first
 * agreement is the one that counts (and is audited); agreeing again changes nothing.
 */
export async function giveConsent(db: Db, input: ConsentInput, now: Date = new Date()): Promise<InterviewState> {
  await db.$transaction(async (tx) => {
    const invitation = await invitationByToken(tx, input.token);
    assertAnswerable(invitation, { consent: false }, now);
    if (invitation.consentAt) return;
    const { count } = await tx.invitation.updateMany({ where: { id: invitation.id, consentAt: null }, data: { consentAt: now } });
    if (count) {
      await audit(tx, {
        organizationId: invitation.organizationId,
        actorId: null,
        action: "interview.consented",
        targetType: "invitation",
        targetId: invitation.id,
      });
    }
  });
  return loadInterviewState(db, input.token, now);
}
