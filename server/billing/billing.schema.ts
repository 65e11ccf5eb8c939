import { z } from "zod";
import { PLANS } from "./plans";
import { text } from "../validation/text";

export const BILLING_INTERVALS = ["month", "year"] as const;

/** The plan an owner picks: the local checkout form and Stripe Checkout both send this. */
export const changePlanInput = z.object({
  plan: z.enum(PLANS),
  interval: z.enum(BILLING_INTERVALS).default("month"),
});
export type ChangePlanInput = z.infer<typeof changePlanInput>;

export const adminSetPlanInput = z.object({ organizationId: text().min(1), plan: z.enum(PLANS) });
export type AdminSetPlanInput = z.infer<typeof adminSetPlanInput>;

/**
 * A subscription's state as its source saw it at `observedAt`: Stripe's subscription object, a
 * local checkout or an admin's choice. One handler applies it, whichever produced it.
 */
export const subscriptionChange = z.object({
  organizationId: z.string(),
  source: z.enum(["stripe", "local", "admin"]),
  plan: z.enum(PLANS),
  status: z.string(),
  observedAt: z.iso.datetime(),
  currentPeriodStart: z.iso.datetime().nullable(),
  currentPeriodEnd: z.iso.datetime().nullable(),
  cancelAtPeriodEnd: z.boolean(),
  stripeCustomerId: z.string().nullable(),
  stripeSubscriptionId: z.string().nullable(),
  stripePriceId: z.string().nullable(),
});
export type SubscriptionChange = z.infer<typeof subscriptionChange>;
