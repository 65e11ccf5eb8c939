import type Stripe from "stripe";
import type { Db } from "../../../db/client";
import { idOf, markHandled, pendingStripeEvent, syncSubscription } from "../sync";

/** A paid invoice ends a past_due spell: the subscription is read again (active, new period). */
export async function handleInvoicePaid(db: Db, stripeEventId: string) {
  const event = await pendingStripeEvent(db, stripeEventId);
  if (!event) return { skipped: true };
  const subscriptionId = idOf((event.data.object as Stripe.Invoice).parent?.subscription_details?.subscription);
  if (!subscriptionId) {
    await markHandled(db, stripeEventId);
    return { skipped: true };
  }
  return syncSubscription(db, stripeEventId, subscriptionId, null);
}
