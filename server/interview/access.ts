import type { Prisma } from "../db/client";
import { DomainError } from "../errors";
import { effectiveStatus, type InvitationStatusValue } from "../invitations/status";
import { hashInvitationToken } from "../invitations/token";

type Reader = Pick<Prisma.TransactionClient, "invitation">;

const invitationSelect = {
  id: true,
  organizationId: true,
  templateVersionId: true,
  status: true,
  expiresAt: true,
  openedAt: true,
  consentAt: true,
  startedAt: true,
  completedAt: true,
  extraThinkPct: true,
  extraAnswerPct: true,
  extraRetakes: true,
  settingsOverride: true,
  pausedAt: true,
  pausedMs: true,
  organization: { select: { suspendedAt: true } },
} as const satisfies Prisma.InvitationSelect;

export type TokenInvitation = Prisma.InvitationGetPayload<{ select: typeof invitationSelect }>;

/** What the candidate's page can do with the invitation right now. */
export type Availability = "OPEN" | "EXPIRED" | "CANCELLED" | "COMPLETED" | "SUSPENDED";

export const INVALID_LINK_MESSAGE = "This interview link is not valid. Open the whole link from your invitation email, or ask the hiring team for a new one.";

/**
 * The invitation a link's token opens, looked up by the token's hash: a token reaches its own
 * invitation and nothing else, and an unknown token says nothing about which invitations exist.
 */
export async function invitationByToken(db: Reader, token: string): Promise<TokenInvitation> {
  const invitation = await db.invitation.findUnique({ where: { tokenHash: hashInvitationToken(token) }, select: invitationSelect });
  if (!invitation) throw new DomainError("NOT_FOUND", INVALID_LINK_MESSAGE);
  return invitation;
}

/** A closed interview stays closed; an open one is paused while an operator has its organization suspended. */
export const SUSPENDED_INTERVIEW_MESSAGE =
  "This interview is paused because the hiring organization's account is suspended, so answers cannot be recorded for now. Contact the hiring team.";

export function availability(
  invitation: { status: InvitationStatusValue; expiresAt: Date; organization?: { suspendedAt: Date | null } },
  now: Date = new Date(),
): Availability {
  const status = effectiveStatus(invitation, now);
  if (status === "EXPIRED" || status === "CANCELLED" || status === "COMPLETED") return status;
  return invitation.organization?.suspendedAt ? "SUSPENDED" : "OPEN";
}

const CLOSED_MESSAGES: Record<Exclude<Availability, "OPEN">, string> = {
  EXPIRED: "This interview link has expired, so answers can no longer be recorded. Ask the hiring team to send you a new link.",
  CANCELLED: "This interview was cancelled by the hiring team, so answers can no longer be recorded.",
  COMPLETED: "You have already completed this interview. Thank you!",
  SUSPENDED: SUSPENDED_INTERVIEW_MESSAGE,
};

/**
 * Refuses any answer to an invitation that is closed, or, with `consent`, whose candidate has not
 * agreed to be recorded yet: nothing is stored before consent.
 */
export function assertAnswerable(invitation: TokenInvitation, opts: { consent: boolean }, now: Date = new Date()): void {
  const state = availability(invitation, now);
  if (state !== "OPEN") throw new DomainError("PRECONDITION_FAILED", CLOSED_MESSAGES[state]);
  if (opts.consent && !invitation.consentAt) {
    throw new DomainError("PRECONDITION_FAILED", "Agree to the recording and data terms before answering.");
  }
}
