import type { SessionUser } from "../auth/session-user";
import { audit } from "../audit/log";
import type { Db, Prisma } from "../db/client";
import { DomainError, notFound } from "../errors";
import type { AccommodationsFields, SetAccommodationsInput } from "./accommodations.schema";
import { effectiveStatus } from "./status";

/**
 * Sets a candidate's accommodations (extra think and answer time, extra retakes) while their
 * interview can still be answered; the candidate's page applies them from its next load, and
 * startTake counts takes against them at once. Each change is audited with the values before it.
 */
export async function setAccommodations(db: Db, actor: Pick<SessionUser, "id">, organizationId: string, input: SetAccommodationsInput) {
  const { invitationId, ...values } = input;
  return db.$transaction(async (tx) => {
    const inv = await tx.invitation.findFirst({
      where: { id: invitationId, organizationId },
      select: { id: true, status: true, expiresAt: true, extraThinkPct: true, extraAnswerPct: true, extraRetakes: true },
    });
    if (!inv) throw notFound("The invitation");
    const status = effectiveStatus(inv, new Date());
    if (status === "COMPLETED" || status === "CANCELLED" || status === "EXPIRED") {
      throw new DomainError("PRECONDITION_FAILED", "This interview can no longer be answered, so its accommodations cannot change.");
    }
    const updated = await tx.invitation.update({
      where: { id: inv.id },
      data: values,
      select: { id: true, extraThinkPct: true, extraAnswerPct: true, extraRetakes: true },
    });
    const before = { extraThinkPct: inv.extraThinkPct, extraAnswerPct: inv.extraAnswerPct, extraRetakes: inv.extraRetakes };
    await auditAccommodations(tx, { organizationId, actorId: actor.id, invitationId: inv.id }, before, values);
    return updated;
  });
}

/** Every change of a candidate's accommodations, at the invitation or later, is audited with the values before it. */
export function auditAccommodations(
  tx: Prisma.TransactionClient,
  at: { organizationId: string; actorId: string; invitationId: string },
  from: AccommodationsFields,
  to: AccommodationsFields,
) {
  return audit(tx, {
    organizationId: at.organizationId,
    actorId: at.actorId,
    action: "invitation.accommodations",
    targetType: "invitation",
    targetId: at.invitationId,
    data: { from, to },
  });
}
