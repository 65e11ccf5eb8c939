import type Stripe from "stripe";
import type { Db } from "../../../db/client";
import { idOf, markHandled, pendingStripeEvent, syncSubscription } from "../sync";

/** A checkout finished: the organization (client_reference_id) now has a subscription to store. */
export async function handleCheckoutSessionCompleted(db: Db, stripeEventId: string) {
  const event = await pendingStripeEvent(db, stripeEventId);
  if (!event) return { skipped: true };
  const session = event.data.object as Stripe.Checkout.Session;
  const subscriptionId = idOf(session.subscription);
  if (!subscriptionId) {
    await markHandled(db, stripeEventId);
    return { skipped: true };
  }
  return syncSubscription(db, stripeEventId, subscriptionId, session.client_reference_id);
}
