import type { Db } from "../../../db/client";
import { notifyPaymentFailed } from "../../payment-failed";
import { syncInvoiceSubscription } from "../sync";

/**
 * A renewal could not be charged: the subscription is read again (past_due starts the grace
 * period) and the organization's HR are emailed a link to fix the card.
 */
export async function handleInvoicePaymentFailed(db: Db, stripeEventId: string) {
  const synced = await syncInvoiceSubscription(db, stripeEventId);
  if ("skipped" in synced) return synced;
  const emailed = synced.organizationId ? await notifyPaymentFailed(db, synced.organizationId) : 0;
  return { ...synced, emailed };
}
