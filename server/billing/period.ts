export type BillingPeriod = { start: Date; end: Date };

/**
 * The billing month usage is counted in: the subscription's current period when Stripe gave one
 * that covers `now`, otherwise the calendar month (UTC), which is what Free and local plans renew on.
 */
export function billingPeriod(subscription: { currentPeriodStart: Date | null; currentPeriodEnd: Date | null } | null, now: Date = new Date()): BillingPeriod {
  const start = subscription?.currentPeriodStart;
  const end = subscription?.currentPeriodEnd;
  if (start && end && start <= now && now < end) return { start, end };
  return {
    start: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)),
    end: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)),
  };
}
