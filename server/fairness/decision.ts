import { audit } from "../audit/log";
import type { Db } from "../db/client";
import { DomainError } from "../errors";
import type { DecideInput, DecisionInput, HiringDecision } from "./decision.schema";

export type DecisionView = { decision: HiringDecision; decidedAt: Date; decidedBy: string | null } | null;

const NOT_FOUND = "The interview was not found.";

/** The decision recorded on a candidate of the caller's organization, with who made it and when. */
export async function hiringDecision(db: Db, organizationId: string, input: DecisionInput): Promise<{ completed: boolean; decision: DecisionView }> {
  const invitation = await db.invitation.findFirst({
    where: { id: input.invitationId, organizationId },
    select: { completedAt: true, hiringDecision: { select: { decision: true, decidedAt: true, decidedBy: { select: { name: true, email: true } } } } },
  });
  if (!invitation) throw new DomainError("NOT_FOUND", NOT_FOUND);
  const d = invitation.hiringDecision;
  return {
    completed: invitation.completedAt !== null,
    decision: d ? { decision: d.decision, decidedAt: d.decidedAt, decidedBy: d.decidedBy ? (d.decidedBy.name ?? d.decidedBy.email) : null } : null,
  };
}

/**
 * HR advances, holds or rejects a candidate who has completed the interview. The latest decision
 * is the one that counts; every change is in the audit log with who made it and when.
 */
export async function decide(db: Db, actorId: string, organizationId: string, input: DecideInput, now: Date = new Date()) {
  await db.$transaction(async (tx) => {
    const invitation = await tx.invitation.findFirst({
      where: { id: input.invitationId, organizationId },
      select: { id: true, completedAt: true, hiringDecision: { select: { decision: true } } },
    });
    if (!invitation) throw new DomainError("NOT_FOUND", NOT_FOUND);
    if (!invitation.completedAt) throw new DomainError("BAD_REQUEST", "Record a decision once the candidate has completed the interview.");
    const previous = invitation.hiringDecision?.decision ?? null;
    if (previous === input.decision) return;
    const data = { decision: input.decision, decidedById: actorId, decidedAt: now };
    await tx.hiringDecision.upsert({ where: { invitationId: invitation.id }, create: { invitationId: invitation.id, organizationId, ...data }, update: data });
    await audit(tx, {
      organizationId,
      actorId,
      action: "candidate.decided",
      targetType: "invitation",
      targetId: invitation.id,
      data: { decision: input.decision, previous },
    });
  });
  return hiringDecision(db, organizationId, input);
}
