import { eventType } from "inngest";
import { handleCheckoutSessionCompleted } from "@/server/billing/stripe/handlers/checkout-session-completed";
import { handleCustomerSubscriptionCreated } from "@/server/billing/stripe/handlers/customer-subscription-created";
import { handleCustomerSubscriptionDeleted } from "@/server/billing/stripe/handlers/customer-subscription-deleted";
import { handleCustomerSubscriptionUpdated } from "@/server/billing/stripe/handlers/customer-subscription-updated";
import { handleInvoicePaid } from "@/server/billing/stripe/handlers/invoice-paid";
import { handleInvoicePaymentFailed } from "@/server/billing/stripe/handlers/invoice-payment-failed";
import { STRIPE_EVENT_TYPES, stripeEventName, stripeEventReceived, type HandledStripeEventType } from "@/server/billing/stripe/events";
import { getDb, type Db } from "@/server/db/client";
import { inngest } from "../client";

const HANDLERS: Record<HandledStripeEventType, (db: Db, stripeEventId: string) => Promise<unknown>> = {
  "checkout.session.completed": handleCheckoutSessionCompleted,
  "customer.subscription.created": handleCustomerSubscriptionCreated,
  "customer.subscription.updated": handleCustomerSubscriptionUpdated,
  "customer.subscription.deleted": handleCustomerSubscriptionDeleted,
  "invoice.paid": handleInvoicePaid,
  "invoice.payment_failed": handleInvoicePaymentFailed,
};

/** One function per Stripe event type, each running its handler on the event stored in the inbox. */
export const stripeEventFns = STRIPE_EVENT_TYPES.map((type) =>
  inngest.createFunction(
    {
      id: `stripe-${type.replaceAll(/[._]/g, "-")}`,
      name: `Stripe ${type}`,
      triggers: [eventType(stripeEventName(type), { schema: stripeEventReceived })],
      retries: 5,
    },
    async ({ event, step }) => step.run("handle", () => HANDLERS[type](getDb(), event.data.stripeEventId)),
  ),
);
