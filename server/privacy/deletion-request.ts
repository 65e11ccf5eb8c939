import { createElement } from "react";
import DeletionRequestedEmail, { DeletionRequestedHrEmail, hrSubject, subject } from "../../emails/deletion-requested";
import { audit } from "../audit/log";
import { env } from "../config/env";
import type { Db } from "../db/client";
import { sendEmail } from "../mail/send";
import { DELETION_REQUEST_DAYS } from "../retention/retention.schema";
import { invitationOfHolder, type RightsHolder } from "./candidate-invitations";
import { logger } from "@/server/logging/logger";

const DAY_MS = 24 * 60 * 60 * 1000;
export const PRIVACY_SETTINGS_PATH = "/settings/privacy";

function formatDay(date: Date): string {
  return date.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
}

/**
 * The candidate asks for their interview's data to be deleted. The request is recorded with its
 * deadline (the sweep carries it out then, unless HR does sooner) and both sides are emailed.
 * Asking again changes nothing and sends nothing.
 */
export async function requestDeletion(db: Db, holder: RightsHolder, now: Date = new Date()): Promise<{ dueAt: Date }> {
  const made = await db.$transaction(async (tx) => {
    const invitationId = await invitationOfHolder(tx, holder);
    const existing = await tx.deletionRequest.findUnique({ where: { invitationId }, select: { dueAt: true } });
    if (existing) return { dueAt: existing.dueAt, fresh: null };
    const invitation = await tx.invitation.findUniqueOrThrow({
      where: { id: invitationId },
      select: { organizationId: true, candidateEmail: true, organization: { select: { name: true } }, template: { select: { title: true } } },
    });
    const dueAt = new Date(now.getTime() + DELETION_REQUEST_DAYS * DAY_MS);
    await tx.deletionRequest.create({ data: { organizationId: invitation.organizationId, invitationId, requestedAt: now, dueAt } });
    await audit(tx, {
      organizationId: invitation.organizationId,
      actorId: "user" in holder ? holder.user.id : null,
      action: "interview.deletion_requested",
      targetType: "invitation",
      targetId: invitationId,
      data: { dueAt: dueAt.toISOString() },
    });
    return { dueAt, fresh: invitation };
  });
  if (made.fresh) await emailBothSides(db, made.fresh, made.dueAt);
  return { dueAt: made.dueAt };
}

async function emailBothSides(
  db: Db,
  invitation: { organizationId: string; candidateEmail: string; organization: { name: string }; template: { title: string } },
  dueAt: Date,
) {
  const dueDate = formatDay(dueAt);
  const candidateProps = { organizationName: invitation.organization.name, jobTitle: invitation.template.title, dueDate };
  const hrProps = { jobTitle: invitation.template.title, dueDate, url: new URL(PRIVACY_SETTINGS_PATH, env().APP_URL).toString() };
  const hr = await db.user.findMany({
    where: { status: "ACTIVE", memberships: { some: { organizationId: invitation.organizationId, role: { in: ["HR", "ADMIN"] } } } },
    select: { email: true },
  });
  const sends = [
    {
      to: invitation.candidateEmail,
      subject: subject(candidateProps),
      template: "deletion-requested",
      react: createElement(DeletionRequestedEmail, candidateProps),
    },
    ...hr.map((u) => ({
      to: u.email,
      subject: hrSubject(hrProps),
      template: "deletion-requested-hr",
      react: createElement(DeletionRequestedHrEmail, hrProps),
    })),
  ];
  for (const msg of sends) {
    try {
      await sendEmail(msg);
    } catch (error) {
      // The request stands; the mail log records why this message was not sent, and HR sees the request on the privacy page.
      logger.error({ err: error, template: msg.template }, "could not email a deletion request notice");
    }
  }
}
