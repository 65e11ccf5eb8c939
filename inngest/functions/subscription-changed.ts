import { applySubscriptionChange } from "@/server/billing/subscription";
import { getDb } from "@/server/db/client";
import { inngest } from "../client";
import { subscriptionChanged } from "../events";

/** A plan chosen at the local checkout or by an admin; Stripe's subscription events reach the same applySubscriptionChange. */
export const subscriptionChangedFn = inngest.createFunction(
  { id: "subscription-changed", name: "Apply a subscription change", triggers: [subscriptionChanged], retries: 5 },
  async ({ event, step }) => step.run("apply", () => applySubscriptionChange(getDb(), event.data)),
);
