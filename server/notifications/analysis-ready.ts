import { createElement } from "react";
import AnalysisReadyEmail, { subject } from "../../emails/analysis-ready";
import { env } from "../config/env";
import type { Db } from "../db/client";
import { notFound } from "../errors";
import { sendEmail } from "../mail/send";

export const ANALYSIS_READY = "analysis.ready";

/**
 * Tells the people reviewing an interview that its analysis is ready: an in-app notification and
 * an email each, for the invitation's sender or, when there is none (the sender left), every HR
 * member and admin of the organization. Once per person and interview: a re-run (a retried job, a
 * re-analysis) finds the notification and sends nothing again.
 */
export async function notifyAnalysisReady(db: Db, analysisId: string): Promise<{ notified: number; emailed: number }> {
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

  const toNotify = await db.$transaction(async (tx) => {
    // Two runs for one interview queue here, so the second sees the first one's notifications.
    await tx.$queryRaw`SELECT id FROM invitations WHERE id = ${invitation.id} FOR UPDATE`;
    const members = { status: "ACTIVE" as const, memberships: { some: { organizationId, role: { in: ["HR" as const, "ADMIN" as const] } } } };
    // The sender, while still HR in the interview's organization; otherwise every HR member.
    const sender = invitation.createdById
      ? await tx.user.findMany({ where: { id: invitation.createdById, ...members }, select: { id: true, email: true } })
      : [];
    const recipients = sender.length ? sender : await tx.user.findMany({ where: members, select: { id: true, email: true }, orderBy: { email: "asc" } });
    const already = await tx.notification.findMany({
      where: { type: ANALYSIS_READY, link, userId: { in: recipients.map((r) => r.id) } },
      select: { userId: true },
    });
    const notified = new Set(already.map((n) => n.userId));
    const fresh = recipients.filter((r) => !notified.has(r.id));
    if (fresh.length > 0) {
      await tx.notification.createMany({ data: fresh.map((r) => ({ userId: r.id, organizationId, type: ANALYSIS_READY, title, body, link })) });
    }
    return fresh;
  });

  const url = new URL(link, env().APP_URL).toString();
  const props = { candidateName: invitation.candidateName, jobTitle, url };
  let emailed = 0;
  for (const recipient of toNotify) {
    try {
      await sendEmail({ to: recipient.email, subject: subject(props), template: "analysis-ready", react: createElement(AnalysisReadyEmail, props) });
      emailed++;
    } catch (error) {
      // The in-app notification stands and the stored email records why it was not sent.
      console.error("could not email the analysis-ready notice", { to: recipient.email, error });
    }
  }
  return { notified: toNotify.length, emailed };
}

function readTitle(snapshot: unknown): string | null {
  return snapshot && typeof snapshot === "object" && "title" in snapshot && typeof snapshot.title === "string" ? snapshot.title : null;
}
