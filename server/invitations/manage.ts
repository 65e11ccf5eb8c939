import type { SessionUser } from "../auth/session-user";
import { audit } from "../audit/log";
import type { Db } from "../db/client";
import { DomainError, notFound } from "../errors";
import { env } from "../config/env";
import { enqueueEvent } from "../events/outbox";
import type { ResendInvitationInput } from "./invitations.schema";
import { requireQuota } from "../billing/quota";
import { canCancel, canResend, effectiveStatus, reopenedStatus, type InvitationStatusValue } from "./status";
import { issueInvitationLink } from "./token";

const DAY_MS = 24 * 60 * 60 * 1000;

const changedMeanwhile = () => new DomainError("CONFLICT", "The invitation changed in the meantime. Reload the page and try again.");

function refusal(action: "resent" | "cancelled", status: InvitationStatusValue): DomainError {
  if (status === "COMPLETED") return new DomainError("PRECONDITION_FAILED", `The candidate has completed this interview, so it can no longer be ${action}.`);
  return new DomainError("PRECONDITION_FAILED", "This invitation was cancelled. Send a new invitation instead.");
}

export type ResendResult = { id: string; status: InvitationStatusValue; expiresAt: Date };

/**
 * Replaces the link, so a forwarded or leaked earlier link stops working at once, and writes
 * `invitation.resent`, whose function emails the new link (and plans a new reminder, cancelling
 * the old one). An expired invitation comes back only with a new expiry, at the step the
 * candidate had reached.
 */
export async function resendInvitation(db: Db, actor: Pick<SessionUser, "id">, organizationId: string, input: ResendInvitationInput): Promise<ResendResult> {
  const now = new Date();
  return db.$transaction(async (tx) => {
    const inv = await tx.invitation.findFirst({
      where: { id: input.invitationId, organizationId },
      select: {
        id: true,
        status: true,
        tokenHash: true,
        expiresAt: true,
        openedAt: true,
        startedAt: true,
      },
    });
    if (!inv) throw notFound("The invitation");
    const current = effectiveStatus(inv, now);
    if (!canResend(current)) throw refusal("resent", current);
    const expiresAt = input.expiresInDays ? new Date(now.getTime() + input.expiresInDays * DAY_MS) : inv.expiresAt;
    if (expiresAt.getTime() <= now.getTime()) {
      throw new DomainError("BAD_REQUEST", "This invitation has expired. Choose how many days the new link stays valid.");
    }
    // A reopened link can be answered again, so it takes an interview of the month like a new one.
    if (current === "EXPIRED") await requireQuota(tx, organizationId, "completedInterviewsPerMonth");
    const status = current === "EXPIRED" ? reopenedStatus(inv) : current;
    const { nonce, hash } = issueInvitationLink(env().NEXTAUTH_SECRET);
    const { count } = await tx.invitation.updateMany({
      where: { id: inv.id, status: inv.status, tokenHash: inv.tokenHash },
      data: { tokenHash: hash, linkNonce: nonce, expiresAt, status, remindedAt: now },
    });
    if (!count) throw changedMeanwhile();
    await audit(tx, {
      organizationId,
      actorId: actor.id,
      action: "invitation.resent",
      targetType: "invitation",
      targetId: inv.id,
      data: { from: current, to: status, expiresAt: expiresAt.toISOString() },
    });
    await enqueueEvent(tx, "invitation.resent", { invitationId: inv.id }, organizationId);
    return { id: inv.id, status, expiresAt };
  });
}

/** Closes the link for good. Cancelling twice is harmless, so a double click does not show an error. */
export async function cancelInvitation(db: Db, actor: Pick<SessionUser, "id">, organizationId: string, invitationId: string) {
  return db.$transaction(async (tx) => {
    const inv = await tx.invitation.findFirst({ where: { id: invitationId, organizationId }, select: { id: true, status: true, cancelledAt: true } });
    if (!inv) throw notFound("The invitation");
    if (inv.status === "CANCELLED") return { id: inv.id, status: inv.status, cancelledAt: inv.cancelledAt };
    if (!canCancel(inv.status)) throw refusal("cancelled", inv.status);
    const cancelledAt = new Date();
    const { count } = await tx.invitation.updateMany({ where: { id: inv.id, status: inv.status }, data: { status: "CANCELLED", cancelledAt } });
    if (!count) throw changedMeanwhile();
    await audit(tx, {
      organizationId,
      actorId: actor.id,
      action: "invitation.cancelled",
      targetType: "invitation",
      targetId: inv.id,
      data: { from: inv.status },
    });
    await enqueueEvent(tx, "invitation.cancelled", { invitationId: inv.id }, organizationId);
    return { id: inv.id, status: "CANCELLED" as const, cancelledAt };
  });
}
