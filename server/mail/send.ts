import { render, toPlainText } from "@react-email/render";
import type { ReactElement } from "react";
import { Resend } from "resend";
import { env } from "../config/env";
import { getDb } from "../db/client";

// A magic-link request waits on this call: an API that hangs must not hang the sign-in page.
const SEND_TIMEOUT_MS = 15_000;

type ResendFailure = { name?: string; statusCode?: number | null; message?: string };

function describeFailure(error: ResendFailure): string {
  const code = [error.statusCode, error.name].filter(Boolean).join(" ");
  return `${code ? `${code}: ` : ""}${error.message || "no reason given"}`;
}

/**
 * Renders the email and keeps it in email_messages whatever happens next, then sends it with
 * Resend when RESEND_API_KEY is set; without a key the dev mailbox is the delivery. Throws when
 * Resend refuses the message, after recording why on the stored row. Call it outside a
 * transaction: it writes with getDb(), which waits for an open transaction on the embedded engine.
 */
export async function sendEmail(msg: {
  to: string;
  subject: string;
  template: string;
  react: ReactElement;
}): Promise<{ id: string; provider: "resend" | "dev" }> {
  const html = await render(msg.react);
  const text = toPlainText(html);
  const e = env();
  const provider = e.RESEND_API_KEY ? "resend" : "dev";
  const db = getDb();
  const stored = await db.emailMessage.create({
    data: { to: msg.to, subject: msg.subject, template: msg.template, html, text, provider },
    select: { id: true },
  });
  if (!e.RESEND_API_KEY) return { id: stored.id, provider: "dev" };

  const resend = new Resend(e.RESEND_API_KEY, { baseUrl: e.RESEND_BASE_URL?.replace(/\/+$/, "") });
  // The SDK reports failures in `error`; a throw would only come from a version that behaves otherwise.
  const { data, error } = await resend.emails
    .send({ from: e.EMAIL_FROM, to: msg.to, subject: msg.subject, html, text }, { signal: AbortSignal.timeout(SEND_TIMEOUT_MS) })
    .catch((thrown: unknown) => ({ data: null, error: { message: thrown instanceof Error ? thrown.message : String(thrown) } }));

  if (error || !data?.id) {
    const reason = error ? describeFailure(error) : "the response carried no message id";
    await db.emailMessage.update({ where: { id: stored.id }, data: { error: reason } });
    throw new Error(`Resend did not send the "${msg.template}" email to ${msg.to}: ${reason}`);
  }
  await db.emailMessage.update({ where: { id: stored.id }, data: { providerId: data.id } });
  return { id: stored.id, provider: "resend" };
}
