import { createElement } from "react";
import AnalysisReadyEmail, { subject } from "../../emails/analysis-ready";
import { env } from "../config/env";
import type { Db } from "../db/client";
import { notFound } from "../errors";
import { enqueueEvent } from "../events/outbox";
import { sendNotificationEmail } from "./send";

export const ANALYSIS_READY = "analysis.ready";

/**
 * Tells the people reviewing an interview that its analysis is ready: an in-app notification
 * each, for the invitation's sender or, when there is none (the sender left), every HR member and
 * admin of the organization. Each notification's email is an outbox event written in the same
 * transaction, so a crash after the commit still emails (inngest/functions/notification-email).
 * Once per person and interview: a re-run (a retried job, a re-analysis) finds the notification
 * and writes nothing again.
 */
export async function notifyAnalysisReady(db: Db, analysisId: string): Promise<{ notified: number }> {
  const analysis = await db.analysis.findUnique({
    where: { id: analysisId },
    select: {
      organizationId: true,
      invitation: {
        select: {
          id: true,
          candidateName: true,
          createdById: true,
          templateVersion: { select: { snapshot: true } },
          template: { select: { title: true } },
        },
      },
    },
  });
  if (!analysis) throw notFound("The analysis");
  const { invitation, organizationId } = analysis;
  const link = `/interviews/${invitation.id}`;
  const jobTitle = readTitle(invitation.templateVersion.snapshot) ?? invitation.template.title;
  const title = `${invitation.candidateName}'s interview is ready for review`;
  const body = `The transcripts and the AI first read of ${invitation.candidateName}'s interview for ${jobTitle} are ready.`;

  return db.$transaction(async (tx) => {
    // Two runs for one interview queue here, so the second sees the first one's notifications.
    await tx.$queryRaw`SELECT id FROM invitations WHERE id = ${invitation.id} FOR UPDATE`;
    const members = { status: "ACTIVE" as const, memberships: { some: { organizationId, role: { in: ["HR" as const, "ADMIN" as const] } } } };
    // The sender, while still HR in the interview's organization; otherwise every HR member.
    const sender = invitation.createdById ? await tx.user.findMany({ where: { id: invitation.createdById, ...members }, select: { id: true } }) : [];
    const recipients = sender.length ? sender : await tx.user.findMany({ where: members, select: { id: true }, orderBy: { email: "asc" } });
    const already = await tx.notification.findMany({
      where: { type: ANALYSIS_READY, link, userId: { in: recipients.map((r) => r.id) } },
      select: { userId: true },
    });
    const notified = new Set(already.map((n) => n.userId));
    const fresh = recipients.filter((r) => !notified.has(r.id));
    if (!fresh.length) return { notified: 0 };
    const rows = await tx.notification.createManyAndReturn({
      data: fresh.map((r) => ({ userId: r.id, organizationId, type: ANALYSIS_READY, title, body, link })),
      select: { id: true },
    });
    for (const row of rows) await enqueueEvent(tx, "notification.analysis-ready", { notificationId: row.id, invitationId: invitation.id }, organizationId);
    return { notified: rows.length };
  });
}

/** The email for one analysis-ready notification, keyed by it: a retried step sends it once. */
export async function emailAnalysisReady(db: Db, { notificationId, invitationId }: { notificationId: string; invitationId: string }) {
  const note = await db.notification.findUnique({
    where: { id: notificationId },
    select: { type: true, link: true, user: { select: { email: true, status: true } } },
  });
  if (!note || note.type !== ANALYSIS_READY || !note.link) return { skipped: "gone" as const };
  if (note.user.status !== "ACTIVE") return { skipped: "inactive" as const };
  const invitation = await db.invitation.findUnique({
    where: { id: invitationId },
    select: { candidateName: true, templateVersion: { select: { snapshot: true } }, template: { select: { title: true } } },
  });
  if (!invitation) return { skipped: "gone" as const };
  const props = {
    candidateName: invitation.candidateName,
    jobTitle: readTitle(invitation.templateVersion.snapshot) ?? invitation.template.title,
    url: new URL(note.link, env().APP_URL).toString(),
  };
  return sendNotificationEmail(db, {
    to: note.user.email,
    kind: "analysis-ready",
    subject: subject(props),
    template: "analysis-ready",
    react: (unsubscribeUrl) => createElement(AnalysisReadyEmail, { ...props, unsubscribeUrl }),
    idempotencyKey: `notification:${notificationId}`,
  });
}

function readTitle(snapshot: unknown): string | null {
  return snapshot && typeof snapshot === "object" && "title" in snapshot && typeof snapshot.title === "string" ? snapshot.title : null;
}
