import type Stripe from "stripe";
import { env } from "../../config/env";
import type { Db, Prisma } from "../../db/client";
import type { SubscriptionChange } from "../billing.schema";
import { applySubscriptionChangeIn } from "../subscription";
import { stripeClient } from "./client";
import { planForPrice } from "./prices";
import { logger } from "@/server/logging/logger";

/** A stored inbox event, or null once it has been handled: every handler starts here. */
export async function pendingStripeEvent(db: Db, stripeEventId: string) {
  const row = await db.stripeEvent.findUnique({ where: { id: stripeEventId } });
  if (!row) throw new Error(`stripe event ${stripeEventId} is not in the inbox`);
  return row.processedAt ? null : (row.payload as unknown as Stripe.Event);
}

export function markHandled(tx: Pick<Prisma.TransactionClient, "stripeEvent">, stripeEventId: string) {
  return tx.stripeEvent.update({ where: { id: stripeEventId }, data: { processedAt: new Date() } });
}

const iso = (seconds: number | undefined) => (seconds ? new Date(seconds * 1000).toISOString() : null);
export const idOf = (ref: string | { id: string } | null | undefined) => (typeof ref === "string" ? ref : (ref?.id ?? null));

async function organizationFor(db: Db, subscription: Stripe.Subscription, hint: string | null): Promise<string | null> {
  const customerId = idOf(subscription.customer);
  const known = customerId ? await db.subscription.findUnique({ where: { stripeCustomerId: customerId }, select: { organizationId: true } }) : null;
  return known?.organizationId ?? subscription.metadata.organizationId ?? hint;
}

/**
 * Events arrive late, twice and out of order, and their payloads are snapshots of their moment:
 * so the subscription is read from Stripe now and stored as of now. Whatever event prompted it,
 * and in whatever order they come, the last read wins and it is the current state.
 */
export async function syncSubscription(
  db: Db,
  stripeEventId: string,
  subscriptionId: string,
  organizationHint: string | null,
): Promise<{ organizationId: string | null; plan?: string; status?: string }> {
  const observedAt = new Date().toISOString();
  const subscription = await stripeClient().subscriptions.retrieve(subscriptionId);
  const organizationId = await organizationFor(db, subscription, organizationHint);
  if (!organizationId) {
    logger.warn({ subscriptionId, stripeEventId }, "stripe: subscription of no known organization, ignored");
    await markHandled(db, stripeEventId);
    return { organizationId: null };
  }
  const item = subscription.items.data[0];
  const change: SubscriptionChange = {
    organizationId,
    source: "stripe",
    plan: planForPrice(env(), item?.price.id),
    status: subscription.status,
    observedAt,
    currentPeriodStart: iso(item?.current_period_start),
    currentPeriodEnd: iso(item?.current_period_end),
    cancelAtPeriodEnd: subscription.cancel_at_period_end,
    stripeCustomerId: idOf(subscription.customer),
    stripeSubscriptionId: subscription.id,
    stripePriceId: item?.price.id ?? null,
  };
  await db.$transaction(async (tx) => {
    await applySubscriptionChangeIn(tx, change);
    await markHandled(tx, stripeEventId);
  });
  return { organizationId, plan: change.plan, status: change.status };
}

/**
 * The prologue both invoice events share: an invoice of no subscription (a one-off) changes no
 * plan, so it is marked handled and skipped; otherwise its subscription is read again.
 */
export async function syncInvoiceSubscription(db: Db, stripeEventId: string) {
  const event = await pendingStripeEvent(db, stripeEventId);
  if (!event) return { skipped: true as const };
  const subscriptionId = idOf((event.data.object as Stripe.Invoice).parent?.subscription_details?.subscription);
  if (!subscriptionId) {
    await markHandled(db, stripeEventId);
    return { skipped: true as const };
  }
  return syncSubscription(db, stripeEventId, subscriptionId, null);
}
