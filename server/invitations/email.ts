import { createElement } from "react";
import InvitationEmail, { subject as invitationSubject } from "../../emails/invitation";
import InvitationReminderEmail, { subject as reminderSubject } from "../../emails/invitation-reminder";
import InterviewReceivedEmail, { subject as receivedSubject } from "../../emails/interview-received";
import { env } from "../config/env";
import type { Db } from "../db/client";
import { sendEmail } from "../mail/send";
import { sendNotificationEmail } from "../notifications/send";
import { templateSnapshotSchema } from "../templates/versions";
import { effectiveStatus, isOpenStatus } from "./status";
import { hashInvitationToken, issueInvitationLink, linkTokenFromNonce } from "./token";

const invitationFields = {
  id: true,
  status: true,
  expiresAt: true,
  tokenHash: true,
  linkNonce: true,
  remindedAt: true,
  startedAt: true,
  candidateName: true,
  candidateEmail: true,
  message: true,
  organization: { select: { name: true } },
  templateVersion: { select: { snapshot: true } },
} as const;

type Loaded = NonNullable<Awaited<ReturnType<typeof load>>>;

function load(db: Db, invitationId: string) {
  return db.invitation.findUnique({ where: { id: invitationId }, select: invitationFields });
}

/**
 * The working link of an invitation. It is derived again from the stored nonce; a link made before
 * nonces existed, or under another NEXTAUTH_SECRET, cannot be, so a new one is issued (only if the
 * invitation was not changed meanwhile, else null: a resend took over).
 */
async function currentLink(db: Db, inv: Loaded): Promise<string | null> {
  const secret = env().NEXTAUTH_SECRET;
  if (inv.linkNonce) {
    const token = linkTokenFromNonce(inv.linkNonce, secret);
    if (hashInvitationToken(token) === inv.tokenHash) return linkUrl(token);
  }
  const { nonce, hash } = issueInvitationLink(secret);
  const { count } = await db.invitation.updateMany({ where: { id: inv.id, tokenHash: inv.tokenHash }, data: { tokenHash: hash, linkNonce: nonce } });
  return count ? linkUrl(linkTokenFromNonce(nonce, secret)) : null;
}

function linkUrl(token: string): string {
  return `${env().APP_URL.replace(/\/+$/, "")}/i/${token}`;
}

const jobTitleOf = (inv: Loaded) => templateSnapshotSchema.parse(inv.templateVersion.snapshot).title;

export type InvitationEmailOutcome = { sent: true; emailId: string } | { skipped: string };

/**
 * The invitation email, sent by the invitation-email function for `invitation.sent` and
 * `invitation.resent`. Keyed by the event, so a retried step sends it once. Essential mail: no
 * preference turns it off. A first email that has not left by the time the link was resent is
 * dropped, since the resend's email carries the link.
 */
export async function emailInvitationLink(db: Db, invitationId: string, event: { id: string; name: string }): Promise<InvitationEmailOutcome> {
  const key = `invitation:${event.id}`;
  const inv = await load(db, invitationId);
  if (!inv) return { skipped: "The invitation no longer exists." };
  const earlier = await db.emailMessage.findUnique({ where: { idempotencyKey: key }, select: { id: true } });
  if (!earlier) {
    if (!isOpenStatus(effectiveStatus(inv))) return { skipped: `The invitation is ${inv.status.toLowerCase()}.` };
    if (event.name === "invitation.sent" && inv.remindedAt) return { skipped: "The link was resent since." };
  }
  const url = await currentLink(db, inv);
  if (!url) return { skipped: "The invitation changed while its email was prepared." };
  const props = {
    candidateName: inv.candidateName,
    organizationName: inv.organization.name,
    jobTitle: jobTitleOf(inv),
    url,
    expiresAt: inv.expiresAt.toISOString(),
    message: inv.message,
  };
  const sent = await sendEmail({
    to: inv.candidateEmail,
    subject: invitationSubject(props),
    template: "invitation",
    react: createElement(InvitationEmail, props),
    idempotencyKey: key,
  });
  return { sent: true, emailId: sent.id };
}

const REMINDER_LEAD_MS = 48 * 60 * 60 * 1000;

/** When a candidate who has not finished is reminded: 48 hours before the link expires, if that is still ahead. */
export function reminderTime(expiresAt: Date, now: Date = new Date()): Date | null {
  const at = new Date(expiresAt.getTime() - REMINDER_LEAD_MS);
  return at.getTime() > now.getTime() ? at : null;
}

/**
 * The reminder, once per invitation and expiry: a resend with more time is a new expiry, which
 * gets its own reminder. Nothing is sent once the interview is finished, cancelled or expired, or
 * when the expiry changed since the reminder was planned.
 */
export async function emailInvitationReminder(db: Db, invitationId: string, plannedFor: string): Promise<InvitationEmailOutcome> {
  const inv = await load(db, invitationId);
  if (!inv) return { skipped: "The invitation no longer exists." };
  if (!isOpenStatus(effectiveStatus(inv))) return { skipped: `The invitation is ${effectiveStatus(inv).toLowerCase()}.` };
  if (inv.expiresAt.toISOString() !== plannedFor) return { skipped: "The expiry changed since the reminder was planned." };
  const url = await currentLink(db, inv);
  if (!url) return { skipped: "The invitation changed while its reminder was prepared." };
  const props = {
    candidateName: inv.candidateName,
    organizationName: inv.organization.name,
    jobTitle: jobTitleOf(inv),
    url,
    expiresAt: plannedFor,
    started: !!inv.startedAt,
  };
  const sent = await sendNotificationEmail(db, {
    to: inv.candidateEmail,
    kind: "interview-reminder",
    subject: reminderSubject(props),
    template: "invitation-reminder",
    react: (unsubscribeUrl) => createElement(InvitationReminderEmail, { ...props, unsubscribeUrl }),
    idempotencyKey: `invitation-reminder:${inv.id}:${plannedFor}`,
  });
  return "skipped" in sent ? { skipped: "The candidate turned reminders off." } : { sent: true, emailId: sent.id };
}

/** The candidate's confirmation that their finished interview arrived, once per invitation. */
export async function emailInterviewReceived(db: Db, invitationId: string): Promise<InvitationEmailOutcome> {
  const inv = await load(db, invitationId);
  if (!inv) return { skipped: "The invitation no longer exists." };
  if (inv.status !== "COMPLETED") return { skipped: "The interview is not completed." };
  const props = { candidateName: inv.candidateName, organizationName: inv.organization.name, jobTitle: jobTitleOf(inv) };
  const sent = await sendNotificationEmail(db, {
    to: inv.candidateEmail,
    kind: "interview-received",
    subject: receivedSubject(props),
    template: "interview-received",
    react: (unsubscribeUrl) => createElement(InterviewReceivedEmail, { ...props, unsubscribeUrl }),
    idempotencyKey: `interview-received:${inv.id}`,
  });
  return "skipped" in sent ? { skipped: "The candidate turned these emails off." } : { sent: true, emailId: sent.id };
}
