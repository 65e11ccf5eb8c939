import { Webhook } from "standardwebhooks";
import { env } from "../config/env";
import type { Db } from "../db/client";

export type WebhookOutcome = { status: number; body: { ok: boolean; error?: string; updated?: number } };

// Resend's delivery events, and the status each leaves on the stored message.
const STATUS_BY_EVENT: Record<string, string> = {
  "email.sent": "sent",
  "email.delivered": "delivered",
  "email.delivery_delayed": "delivery_delayed",
  "email.bounced": "bounced",
  "email.complained": "complained",
  "email.failed": "failed",
  "email.suppressed": "failed",
};

type DeliveryEvent = {
  type: string;
  created_at: string;
  data: { email_id?: string; bounce?: { message?: string }; failed?: { reason?: string }; suppressed?: { message?: string } };
};

/**
 * Resend's webhook (signed by Svix, the Standard Webhooks scheme): checked with the verifier the
 * resend SDK's own `webhooks.verify` wraps (that method needs an API key, which a receiver does not),
 * on the exact bytes received, with its five-minute replay window; then the message it names takes the event's status. Events
 * may arrive late or out of order, so an older event never replaces a newer status.
 */
export async function receiveResendWebhook(db: Db, raw: string, headers: Headers): Promise<WebhookOutcome> {
  const secret = env().RESEND_WEBHOOK_SECRET;
  if (!secret) return { status: 404, body: { ok: false, error: "Resend webhooks are not configured (RESEND_WEBHOOK_SECRET)." } };
  const id = headers.get("svix-id") ?? headers.get("webhook-id");
  const timestamp = headers.get("svix-timestamp") ?? headers.get("webhook-timestamp");
  const signature = headers.get("svix-signature") ?? headers.get("webhook-signature");
  if (!id || !timestamp || !signature) return { status: 400, body: { ok: false, error: "Missing signature headers." } };
  let event: DeliveryEvent;
  try {
    event = new Webhook(secret).verify(raw, { "webhook-id": id, "webhook-timestamp": timestamp, "webhook-signature": signature }) as DeliveryEvent;
  } catch {
    return { status: 400, body: { ok: false, error: "Invalid signature." } };
  }
  const status = STATUS_BY_EVENT[event.type];
  const providerId = event.data?.email_id;
  if (!status || !providerId) return { status: 200, body: { ok: true, updated: 0 } };
  const at = new Date(event.created_at);
  const reason = event.data.bounce?.message ?? event.data.failed?.reason ?? event.data.suppressed?.message ?? null;
  const { count } = await db.emailMessage.updateMany({
    where: { providerId, OR: [{ statusAt: null }, { statusAt: { lte: at } }] },
    data: { status, statusAt: at, ...(reason ? { error: reason } : {}) },
  });
  return { status: 200, body: { ok: true, updated: count } };
}
