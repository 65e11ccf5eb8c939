import type { Db } from "../../../db/client";
import { syncInvoiceSubscription } from "../sync";

/** A paid invoice ends a past_due spell: the subscription is read again (active, new period). */
export function handleInvoicePaid(db: Db, stripeEventId: string) {
  return syncInvoiceSubscription(db, stripeEventId);
}
