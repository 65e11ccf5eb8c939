import type Stripe from "stripe";
import type { Db } from "../../../db/client";
import { pendingStripeEvent, syncSubscription } from "../sync";

/** customer.subscription.deleted: the subscription as Stripe has it now replaces the stored one. */
export async function handleCustomerSubscriptionDeleted(db: Db, stripeEventId: string) {
  const event = await pendingStripeEvent(db, stripeEventId);
  if (!event) return { skipped: true };
  const subscription = event.data.object as Stripe.Subscription;
  return syncSubscription(db, stripeEventId, subscription.id, subscription.metadata.organizationId ?? null);
}
