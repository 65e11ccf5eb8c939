import { audit } from "../audit/log";
import type { Db } from "../db/client";
import { DomainError } from "../errors";
import { assertAnswerable, invitationByToken } from "./access";
import type { ConsentInput } from "./interview.schema";
import { loadInterviewState, type InterviewState } from "./state";

/**
 * The candidate agreed to be recorded, to automatic analysis and to the retention period. The first
 * agreement is the one that counts (and is audited); agreeing again changes nothing. The consent
 * record keeps the version of the exact text the candidate was shown (rebuilt here from the same
 * facts, so a screen older than a change of retention is refused rather than recorded as agreed),
 * the time, and a keyed hash of the address.
 */
export async function giveConsent(db: Db, input: ConsentInput, opts: { ipHash?: string | null; now?: Date } = {}): Promise<InterviewState> {
  const now = opts.now ?? new Date();
  await db.$transaction(async (tx) => {
    const invitation = await invitationByToken(tx, input.token);
    assertAnswerable(invitation, { consent: false }, now);
    if (invitation.consentAt) return;
    const shown = await loadInterviewState(tx, input.token, now);
    if (shown.availability === "UNAVAILABLE") return;
    if (input.textVersion !== shown.consent.version) {
      throw new DomainError("CONFLICT", "The terms changed while this page was open. Read them again below, then agree.");
    }
    const { count } = await tx.invitation.updateMany({ where: { id: invitation.id, consentAt: null }, data: { consentAt: now } });
    if (count) {
      await tx.consentRecord.create({
        data: {
          invitationId: invitation.id,
          textVersion: shown.consent.version,
          retentionDays: shown.consent.retentionDays,
          ipHash: opts.ipHash ?? null,
          consentedAt: now,
        },
      });
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
