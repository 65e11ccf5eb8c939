import { createElement } from "react";
import ReviewMentionEmail, { subject } from "../../emails/review-mention";
import { env } from "../config/env";
import type { Db } from "../db/client";
import { REVIEW_MENTION } from "../review/team-comments";
import { sendNotificationEmail } from "./send";

/** The email for one mention notification, keyed by it: a retried step sends it once. */
export async function emailReviewMention(db: Db, { notificationId }: { notificationId: string }) {
  const note = await db.notification.findUnique({
    where: { id: notificationId },
    select: { type: true, title: true, body: true, link: true, user: { select: { email: true, status: true } } },
  });
  if (!note || note.type !== REVIEW_MENTION || !note.link) return { skipped: "gone" as const };
  if (note.user.status !== "ACTIVE") return { skipped: "inactive" as const };
  const props = { title: note.title, excerpt: note.body, url: new URL(note.link, env().APP_URL).toString() };
  return sendNotificationEmail(db, {
    to: note.user.email,
    kind: "review-mention",
    subject: subject(props),
    template: "review-mention",
    react: (unsubscribeUrl) => createElement(ReviewMentionEmail, { ...props, unsubscribeUrl }),
    idempotencyKey: `notification:${notificationId}`,
  });
}
