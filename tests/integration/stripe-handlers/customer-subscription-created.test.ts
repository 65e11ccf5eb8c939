import { describe, expect, it } from "vitest";
import { handleCustomerSubscriptionCreated } from "@/server/billing/stripe/handlers/customer-subscription-created";
import { getDb } from "@/server/db/client";
import { subscriptionObject } from "../../helpers/stripe-stand-in";
import { stored, stripeOrg, subscriptionRow, setUpStripeStandIn } from "../stripe-harness";

const stripe = setUpStripeStandIn();

describe("customer.subscription.created", () => {
  it("stores the plan its price sells and the period from its item", async () => {
    const { org, customer, subscriptionId } = await stripeOrg("Created");
    const sub = subscriptionObject({
      id: subscriptionId,
      customer,
      price: "price_pro_year",
      status: "trialing",
      periodStart: 1_800_000_000,
      periodEnd: 1_801_000_000,
    });
    stripe.current.subscriptions.set(subscriptionId, sub);
    const id = await stored("customer.subscription.created", sub);
    await handleCustomerSubscriptionCreated(getDb(), id);
    expect(await subscriptionRow(org.id)).toMatchObject({
      plan: "PRO",
      status: "trialing",
      currentPeriodStart: new Date(1_800_000_000_000),
      currentPeriodEnd: new Date(1_801_000_000_000),
    });
    expect(await handleCustomerSubscriptionCreated(getDb(), id)).toEqual({ skipped: true });
  });
});
