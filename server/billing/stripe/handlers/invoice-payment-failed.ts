import type Stripe from "stripe";
import type { Db } from "../../../db/client";
import { notifyPaymentFailed } from "../../payment-failed";
import { idOf, markHandled, pendingStripeEvent, syncSubscription } from "../sync";

/**
 * A renewal could not be charged: the subscription is read again (past_due starts the grace
 * period) and the organization's HR are emailed a link to fix the card.
 */
export async function handleInvoicePaymentFailed(db: Db, stripeEventId: string) {
  const event = await pendingStripeEvent(db, stripeEventId);
  if (!event) return { skipped: true };
  const subscriptionId = idOf((event.data.object as Stripe.Invoice).parent?.subscription_details?.subscription);
  if (!subscriptionId) {
    await markHandled(db, stripeEventId);
    return { skipped: true };
  }
  const synced = await syncSubscription(db, stripeEventId, subscriptionId, null);
  const emailed = synced.organizationId ? await notifyPaymentFailed(db, synced.organizationId) : 0;
  return { ...synced, emailed };
}
