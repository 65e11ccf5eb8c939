// Plain values and rules about an invitation's status, shared by the server and the pages.

export const INVITATION_STATUSES = ["SENT", "OPENED", "IN_PROGRESS", "COMPLETED", "EXPIRED", "CANCELLED"] as const;
export type InvitationStatusValue = (typeof INVITATION_STATUSES)[number];

/** The statuses in which the candidate can still use the link, until the expiry date. */
export const OPEN_STATUSES = ["SENT", "OPENED", "IN_PROGRESS"] as const satisfies readonly InvitationStatusValue[];

export function isOpenStatus(status: InvitationStatusValue): status is (typeof OPEN_STATUSES)[number] {
  return (OPEN_STATUSES as readonly string[]).includes(status);
}

/**
 * The status as of `now`. The stored status lags behind until expireInvitations runs, so every
 * read goes through here: a past-due open invitation is expired whatever the row says.
 */
export function effectiveStatus(invitation: { status: InvitationStatusValue; expiresAt: Date }, now: Date = new Date()): InvitationStatusValue {
  return isOpenStatus(invitation.status) && invitation.expiresAt.getTime() <= now.getTime() ? "EXPIRED" : invitation.status;
}

/** Where a resent, expired invitation picks up again: as far as the candidate had got. */
export function reopenedStatus(invitation: { openedAt: Date | null; startedAt: Date | null }): (typeof OPEN_STATUSES)[number] {
  if (invitation.startedAt) return "IN_PROGRESS";
  return invitation.openedAt ? "OPENED" : "SENT";
}

// A completed interview is the candidate's work and stays as it is; a cancelled one was closed on purpose.
export function canResend(status: InvitationStatusValue): boolean {
  return status !== "COMPLETED" && status !== "CANCELLED";
}

export function canCancel(status: InvitationStatusValue): boolean {
  return status !== "COMPLETED" && status !== "CANCELLED";
}

export const STATUS_LABELS: Record<InvitationStatusValue, string> = {
  SENT: "Sent",
  OPENED: "Opened",
  IN_PROGRESS: "In progress",
  COMPLETED: "Completed",
  EXPIRED: "Expired",
  CANCELLED: "Cancelled",
};
