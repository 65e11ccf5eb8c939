import { z } from "zod";

/** The Stripe events this app subscribes to; the webhook ignores every other type. */
export const STRIPE_EVENT_TYPES = [
  "checkout.session.completed",
  "customer.subscription.created",
  "customer.subscription.updated",
  "customer.subscription.deleted",
  "invoice.paid",
  "invoice.payment_failed",
] as const;
export type HandledStripeEventType = (typeof STRIPE_EVENT_TYPES)[number];

export const isHandledStripeEvent = (type: string): type is HandledStripeEventType => (STRIPE_EVENT_TYPES as readonly string[]).includes(type);

/** The domain event that starts a stored Stripe event's background handler. */
export const stripeEventName = <T extends HandledStripeEventType>(type: T) => `stripe/${type}` as const;

export const stripeEventReceived = z.object({ stripeEventId: z.string() });
