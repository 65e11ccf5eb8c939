import type { InvitationStatusValue } from "../invitations/status";

export type TimelineKind = "sent" | "resent" | "opened" | "consent" | "started" | "answered" | "completed" | "cancelled" | "expired";
export type TimelineEvent = { kind: TimelineKind; at: Date; label: string };

export type TimelineSource = {
  status: InvitationStatusValue;
  sentAt: Date;
  remindedAt: Date | null;
  openedAt: Date | null;
  consentAt: Date | null;
  startedAt: Date | null;
  completedAt: Date | null;
  cancelledAt: Date | null;
  expiresAt: Date;
};

// Events recorded in the same instant keep the order in which they can happen.
const ORDER: TimelineKind[] = ["sent", "resent", "opened", "consent", "started", "answered", "completed", "cancelled", "expired"];

/**
 * The interview's history, oldest first, from the invitation's timestamps and the answers'
 * submission times. `status` is the effective one: an expiry shows once it has happened, whether
 * or not the clean-up has stored it.
 */
export function buildTimeline(inv: TimelineSource, answers: { number: number; submittedAt: Date | null }[]): TimelineEvent[] {
  const events: TimelineEvent[] = [{ kind: "sent", at: inv.sentAt, label: "Invitation sent" }];
  if (inv.remindedAt) events.push({ kind: "resent", at: inv.remindedAt, label: "Link resent" });
  if (inv.openedAt) events.push({ kind: "opened", at: inv.openedAt, label: "Candidate opened the link" });
  if (inv.consentAt) events.push({ kind: "consent", at: inv.consentAt, label: "Candidate agreed to be recorded" });
  if (inv.startedAt) events.push({ kind: "started", at: inv.startedAt, label: "Interview started" });
  for (const a of answers) {
    if (a.submittedAt) events.push({ kind: "answered", at: a.submittedAt, label: `Question ${a.number} answered` });
  }
  if (inv.completedAt) events.push({ kind: "completed", at: inv.completedAt, label: "Interview completed" });
  if (inv.cancelledAt) events.push({ kind: "cancelled", at: inv.cancelledAt, label: "Invitation cancelled" });
  if (inv.status === "EXPIRED") events.push({ kind: "expired", at: inv.expiresAt, label: "Invitation expired" });
  return events.sort((a, b) => a.at.getTime() - b.at.getTime() || ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind));
}
