import { describe, expect, it, vi } from "vitest";
import { handleCustomerSubscriptionUpdated } from "@/server/billing/stripe/handlers/customer-subscription-updated";
import { getDb } from "@/server/db/client";
import { subscriptionObject } from "../../helpers/stripe-stand-in";
import { logger } from "@/server/logging/logger";
import { stored, stripeOrg, subscriptionRow, setUpStripeStandIn } from "../stripe-harness";

const stripe = setUpStripeStandIn();

describe("customer.subscription.updated", () => {
  it("never puts back an older state: a late event stores what Stripe has now", async () => {
    const { org, customer, subscriptionId } = await stripeOrg("Updated");
    const at = (price: string) =>
      subscriptionObject({ id: subscriptionId, customer, price, status: "active", periodStart: 1_800_000_000, periodEnd: 1_802_000_000 });
    const older = await stored("customer.subscription.updated", at("price_plus_month"));
    const newer = await stored("customer.subscription.updated", at("price_pro_month"));
    stripe.current.subscriptions.set(subscriptionId, at("price_pro_month"));
    await handleCustomerSubscriptionUpdated(getDb(), newer);
    await handleCustomerSubscriptionUpdated(getDb(), older);
    expect(await subscriptionRow(org.id)).toMatchObject({ plan: "PRO", stripePriceId: "price_pro_month" });
  });

  it("grants nothing for a price the app does not sell, and says so", async () => {
    const { org, customer, subscriptionId } = await stripeOrg("Unknown price");
    const sub = subscriptionObject({
      id: subscriptionId,
      customer,
      price: "price_someone_else",
      status: "active",
      periodStart: 1_800_000_000,
      periodEnd: 1_802_000_000,
    });
    stripe.current.subscriptions.set(subscriptionId, sub);
    const warn = vi.spyOn(logger, "warn").mockImplementation(() => {});
    await handleCustomerSubscriptionUpdated(getDb(), await stored("customer.subscription.updated", sub));
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
    expect((await subscriptionRow(org.id)).plan).toBe("FREE");
  });
});
