import type { Plan } from "../db/client";

const DAY_MS = 24 * 60 * 60 * 1000;

export type SubscriptionView = {
  plan: Plan;
  status: string;
  pastDueSince: Date | null;
};

export type EffectivePlan = {
  plan: Plan;
  /** The paid plan the organization keeps only until this date, because a payment failed. */
  graceEndsAt: Date | null;
};

/**
 * The plan an organization's limits follow. A paid plan counts while Stripe still bills it
 * (active, trialing), and for a grace period after a failed payment so a card can be fixed
 * without the team being cut off; anything else (canceled, unpaid, incomplete…) is Free.
 */
export function effectivePlan(subscription: SubscriptionView | null, graceDays: number, now: Date = new Date()): EffectivePlan {
  if (!subscription) return { plan: "FREE", graceEndsAt: null };
  if (subscription.status === "active" || subscription.status === "trialing") return { plan: subscription.plan, graceEndsAt: null };
  if (subscription.status === "past_due") {
    const since = subscription.pastDueSince ?? now;
    const graceEndsAt = new Date(since.getTime() + graceDays * DAY_MS);
    if (now < graceEndsAt) return { plan: subscription.plan, graceEndsAt };
  }
  return { plan: "FREE", graceEndsAt: null };
}
