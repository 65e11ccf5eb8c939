import type { ReactElement } from "react";
import type { Db } from "../db/client";
import { sendEmail, type SentEmail } from "../mail/send";
import { emailEnabled, type EmailKind } from "./email-preferences";
import { unsubscribeHeaders, unsubscribeUrl } from "./unsubscribe";

export type NotificationEmail = {
  to: string;
  kind: EmailKind;
  subject: string;
  template: string;
  /** Built with the address's own unsubscribe link, which the email shows in its footer. */
  react: (unsubscribeUrl: string) => ReactElement;
  idempotencyKey: string;
};

/**
 * A non-essential email: sent only while its address has that kind switched on, with a signed
 * one-click unsubscribe link and RFC 8058's List-Unsubscribe headers. Always called from a
 * background step, with a key that makes a re-run of the step send nothing twice.
 */
export async function sendNotificationEmail(db: Db, msg: NotificationEmail): Promise<SentEmail | { skipped: "unsubscribed" }> {
  if (!(await emailEnabled(db, msg.to, msg.kind))) return { skipped: "unsubscribed" };
  const url = unsubscribeUrl(msg.to, msg.kind);
  return sendEmail({
    to: msg.to,
    subject: msg.subject,
    template: msg.template,
    react: msg.react(url),
    headers: unsubscribeHeaders(url),
    idempotencyKey: msg.idempotencyKey,
  });
}
