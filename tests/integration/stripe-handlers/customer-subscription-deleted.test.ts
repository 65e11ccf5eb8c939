import { describe, expect, it } from "vitest";
import { handleCustomerSubscriptionDeleted } from "@/server/billing/stripe/handlers/customer-subscription-deleted";
import { organizationUsage } from "@/server/billing/usage";
import { getDb } from "@/server/db/client";
import { subscriptionObject } from "../../helpers/stripe-stand-in";
import { stored, stripeOrg, subscriptionRow, setUpStripeStandIn } from "../stripe-harness";

const stripe = setUpStripeStandIn();

describe("customer.subscription.deleted", () => {
  it("stores the cancellation, and the organization's limits fall to Free", async () => {
    const { org, customer, subscriptionId } = await stripeOrg("Deleted");
    await getDb().subscription.update({ where: { organizationId: org.id }, data: { plan: "PRO", status: "active" } });
    const sub = subscriptionObject({
      id: subscriptionId,
      customer,
      price: "price_pro_month",
      status: "canceled",
      periodStart: 1_800_000_000,
      periodEnd: 1_802_000_000,
    });
    stripe.current.subscriptions.set(subscriptionId, sub);
    await handleCustomerSubscriptionDeleted(getDb(), await stored("customer.subscription.deleted", sub));
    expect(await subscriptionRow(org.id)).toMatchObject({ status: "canceled" });
    expect((await organizationUsage(getDb(), org.id)).capabilities.plan).toBe("FREE");
  });
});
