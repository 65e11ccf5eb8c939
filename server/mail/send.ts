import { render, toPlainText } from "@react-email/render";
import type { ReactElement } from "react";
import { Resend } from "resend";
import { env } from "../config/env";
import { getDb, type EmailMessage, type Prisma } from "../db/client";
import { withSpan } from "../tracing/tracing";
import { SpanKind } from "@opentelemetry/api";

// A magic-link request waits on this call: an API that hangs must not hang the sign-in page.
const SEND_TIMEOUT_MS = 15_000;

type ResendFailure = { name?: string; statusCode?: number | null; message?: string };

function describeFailure(error: ResendFailure): string {
  const code = [error.statusCode, error.name].filter(Boolean).join(" ");
  return `${code ? `${code}: ` : ""}${error.message || "no reason given"}`;
}

export type OutgoingEmail = {
  to: string;
  subject: string;
  template: string;
  react: ReactElement;
  /** Extra headers, such as RFC 8058's List-Unsubscribe pair. */
  headers?: Record<string, string>;
  /**
   * Makes the send safe to repeat: a second call with the same key sends nothing new, and one that
   * follows a crash mid-send hands Resend the stored message under the same Idempotency-Key.
   */
  idempotencyKey?: string;
};

export type SentEmail = { id: string; provider: "resend" | "dev"; repeated: boolean };

function isUniqueViolation(error: unknown): boolean {
  return !!error && typeof error === "object" && "code" in error && error.code === "P2002";
}

async function deliver(row: Pick<EmailMessage, "id" | "to" | "subject" | "html" | "text" | "template" | "headers" | "idempotencyKey">): Promise<void> {
  const e = env();
  const db = getDb();
  const resend = new Resend(e.RESEND_API_KEY, { baseUrl: e.RESEND_BASE_URL?.replace(/\/+$/, "") });
  const headers = (row.headers ?? undefined) as Record<string, string> | undefined;
  // The SDK reports failures in `error`; a throw would only come from a version that behaves otherwise.
  const { data, error } = await resend.emails
    .send(
      { from: e.EMAIL_FROM, to: row.to, subject: row.subject, html: row.html, text: row.text, headers },
      { signal: AbortSignal.timeout(SEND_TIMEOUT_MS), ...(row.idempotencyKey ? { idempotencyKey: row.idempotencyKey } : {}) },
    )
    .catch((thrown: unknown) => ({ data: null, error: { message: thrown instanceof Error ? thrown.message : String(thrown) } }));

  if (error || !data?.id) {
    const reason = error ? describeFailure(error) : "the response carried no message id";
    await db.emailMessage.update({ where: { id: row.id }, data: { error: reason, status: "failed", statusAt: new Date() } });
    throw new Error(`Resend did not send the "${row.template}" email to ${row.to}: ${reason}`);
  }
  await db.emailMessage.update({ where: { id: row.id }, data: { providerId: data.id, error: null, status: "sent", statusAt: new Date() } });
}

/**
 * Renders the email and keeps it in email_messages whatever happens next, then sends it with
 * Resend when RESEND_API_KEY is set; without a key the dev mailbox is the delivery. Throws when
 * Resend refuses the message, after recording why on the stored row. Call it outside a
 * transaction: it writes with getDb(), which waits for an open transaction on the embedded engine.
 */
export function sendEmail(msg: OutgoingEmail): Promise<SentEmail> {
  // The template is the span's name; the recipient and the text stay out of traces.
  return withSpan(`email.send ${msg.template}`, { kind: SpanKind.CLIENT, attributes: { "email.template": msg.template } }, async (span) => {
    const sent = await storeAndSend(msg);
    span.setAttributes({ "email.provider": sent.provider, "email.repeated": sent.repeated });
    return sent;
  });
}

async function storeAndSend(msg: OutgoingEmail): Promise<SentEmail> {
  const e = env();
  const provider = e.RESEND_API_KEY ? "resend" : "dev";
  const db = getDb();

  if (msg.idempotencyKey) {
    const earlier = await db.emailMessage.findUnique({ where: { idempotencyKey: msg.idempotencyKey } });
    if (earlier) return resume(earlier);
  }

  const html = await render(msg.react);
  const text = toPlainText(html);
  const headers = msg.headers as Prisma.InputJsonValue | undefined;
  let stored: EmailMessage;
  try {
    stored = await db.emailMessage.create({
      data: { to: msg.to, subject: msg.subject, template: msg.template, html, text, provider, headers, idempotencyKey: msg.idempotencyKey },
    });
  } catch (error) {
    // Two runs of one step raced: the other stored it first, so this one follows its row.
    if (msg.idempotencyKey && isUniqueViolation(error))
      return resume(await db.emailMessage.findUniqueOrThrow({ where: { idempotencyKey: msg.idempotencyKey } }));
    throw error;
  }
  if (provider === "dev") return { id: stored.id, provider, repeated: false };
  await deliver(stored);
  return { id: stored.id, provider, repeated: false };
}

/** A message stored by an earlier call with the same key: done if it left, otherwise sent now. */
async function resume(row: EmailMessage): Promise<SentEmail> {
  const provider = row.provider === "resend" ? "resend" : "dev";
  if (provider === "resend" && !row.providerId) await deliver(row);
  return { id: row.id, provider, repeated: true };
}
