import { createElement } from "react";
import DailyDigestEmail, { subject } from "../../emails/daily-digest";
import { env } from "../config/env";
import type { Db } from "../db/client";
import { templateSnapshotSchema } from "../templates/versions";
import { sendNotificationEmail } from "./send";

const DAY_MS = 24 * 60 * 60 * 1000;

/** HR and admins who switched the daily digest on, with the organization each belongs to. */
export async function digestRecipients(db: Db): Promise<{ userId: string; organizationId: string }[]> {
  const chosen = await db.emailPreference.findMany({ where: { kind: "daily-digest", enabled: true }, select: { email: true } });
  if (!chosen.length) return [];
  const memberships = await db.membership.findMany({
    where: {
      role: { in: ["HR", "ADMIN"] },
      user: { status: "ACTIVE", email: { in: chosen.map((c) => c.email), mode: "insensitive" } },
    },
    select: { userId: true, organizationId: true },
    orderBy: [{ organizationId: "asc" }, { userId: "asc" }],
  });
  return memberships;
}

/**
 * One member's digest of their organization's last 24 hours up to `until`: invitations sent,
 * interviews completed (each with its review link), links that expired. Nothing is sent for a
 * quiet day. Keyed by member, organization and day, so a re-run sends it once.
 */
export async function emailDigest(db: Db, recipient: { userId: string; organizationId: string }, until: Date) {
  const since = new Date(until.getTime() - DAY_MS);
  const [user, org] = await Promise.all([
    db.user.findUnique({ where: { id: recipient.userId }, select: { email: true } }),
    db.organization.findUnique({ where: { id: recipient.organizationId }, select: { name: true } }),
  ]);
  if (!user || !org) return { skipped: "gone" as const };
  const window = { gt: since, lte: until };
  const [sent, completed, expired] = await Promise.all([
    db.invitation.count({ where: { organizationId: recipient.organizationId, sentAt: window } }),
    db.invitation.findMany({
      where: { organizationId: recipient.organizationId, status: "COMPLETED", completedAt: window },
      select: { id: true, candidateName: true, templateVersion: { select: { snapshot: true } } },
      orderBy: { completedAt: "asc" },
    }),
    db.invitation.count({ where: { organizationId: recipient.organizationId, status: "EXPIRED", expiresAt: window } }),
  ]);
  if (!sent && !completed.length && !expired) return { skipped: "quiet" as const };
  const base = env().APP_URL;
  const day = until.toISOString().slice(0, 10);
  const props = {
    organizationName: org.name,
    day,
    sent,
    expired,
    completed: completed.map((c) => ({
      candidateName: c.candidateName,
      jobTitle: templateSnapshotSchema.parse(c.templateVersion.snapshot).title,
      url: new URL(`/interviews/${c.id}`, base).toString(),
    })),
    dashboardUrl: new URL("/dashboard", base).toString(),
  };
  return sendNotificationEmail(db, {
    to: user.email,
    kind: "daily-digest",
    subject: subject(props),
    template: "daily-digest",
    react: (unsubscribeUrl) => createElement(DailyDigestEmail, { ...props, unsubscribeUrl }),
    idempotencyKey: `digest:${recipient.userId}:${recipient.organizationId}:${day}`,
  });
}
