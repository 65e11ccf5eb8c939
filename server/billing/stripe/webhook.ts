import type Stripe from "stripe";
import { env } from "../../config/env";
import type { Db, Prisma } from "../../db/client";
import { enqueueEvent } from "../../events/outbox";
import { stripeClient } from "./client";
import { isHandledStripeEvent, stripeEventName } from "./events";
import { logger } from "@/server/logging/logger";

export type WebhookOutcome = { status: 200 | 400 | 404; body: Record<string, unknown> };

/**
 * Verifies a Stripe webhook call on its raw body, stores the event once in the inbox and queues its
 * handler in the same transaction, and answers at once: the work happens in the background, so a
 * slow handler never makes Stripe retry, and a retried delivery finds the event stored already.
 */
export async function receiveStripeWebhook(db: Db, rawBody: string, signature: string | null): Promise<WebhookOutcome> {
  const secret = env().STRIPE_WEBHOOK_SECRET;
  if (!env().STRIPE_SECRET_KEY || !secret) return { status: 404, body: { error: "Stripe billing is off." } };
  if (!signature) return { status: 400, body: { error: "Missing Stripe-Signature header." } };
  let event: Stripe.Event;
  try {
    event = stripeClient().webhooks.constructEvent(rawBody, signature, secret);
  } catch (error) {
    return { status: 400, body: { error: error instanceof Error ? error.message : "Invalid signature." } };
  }
  const type = event.type;
  if (!isHandledStripeEvent(type)) {
    logger.info({ stripeEventId: event.id, type }, "stripe webhook: event type not handled, ignored");
    return { status: 200, body: { received: true, ignored: true } };
  }
  const stored = await db.$transaction(async (tx) => {
    const { count } = await tx.stripeEvent.createMany({
      data: [{ id: event.id, type, payload: event as unknown as Prisma.InputJsonValue, createdAt: new Date(event.created * 1000) }],
      skipDuplicates: true,
    });
    if (count) await enqueueEvent(tx, stripeEventName(type), { stripeEventId: event.id }, null);
    return count > 0;
  });
  return { status: 200, body: { received: true, duplicate: !stored } };
}
