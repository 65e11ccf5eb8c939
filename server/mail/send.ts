import { render, toPlainText } from "@react-email/render";
import type { ReactElement } from "react";
import { Resend } from "resend";
import { env } from "../config/env";
import { getDb } from "../db/client";

export type OutgoingEmail = { to: string; subject: string; template: string; react: ReactElement };

export class EmailDeliveryError extends Error {}

/**
 * Renders and delivers one email. Every message is kept in email_messages: with RESEND_API_KEY it is
 * the sent log (with Resend's id or the failure); without it the dev mailbox is the delivery.
 */
export async function sendEmail(msg: OutgoingEmail): Promise<{ id: string; provider: "resend" | "dev" }> {
  const html = await render(msg.react);
  const text = toPlainText(html);
  const e = env();
  const db = getDb();
  if (!e.RESEND_API_KEY) {
    const row = await db.emailMessage.create({ data: { to: msg.to, subject: msg.subject, html, text, template: msg.template, provider: "dev" } });
    return { id: row.id, provider: "dev" };
  }
  const resend = new Resend(e.RESEND_API_KEY);
  const { data, error } = await resend.emails.send({ from: e.EMAIL_FROM, to: msg.to, subject: msg.subject, html, text });
  const row = await db.emailMessage.create({
    data: { to: msg.to, subject: msg.subject, html, text, template: msg.template, provider: "resend", providerId: data?.id ?? null, error: error?.message ?? null },
  });
  if (error || !data) {
    throw new EmailDeliveryError(`Resend refused the email to ${msg.to}: ${error?.message ?? "no id returned"}`);
  }
  return { id: row.id, provider: "resend" };
}
