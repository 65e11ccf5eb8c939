import { describe, expect, it } from "vitest";
import { handleCheckoutSessionCompleted } from "@/server/billing/stripe/handlers/checkout-session-completed";
import { getDb } from "@/server/db/client";
import { subscriptionObject } from "../../helpers/stripe-stand-in";
import { stored, stripeOrg, subscriptionRow, setUpStripeStandIn } from "../stripe-harness";

const stripe = setUpStripeStandIn();

describe("checkout.session.completed", () => {
  it("stores the new subscription of the organization that checked out, once", async () => {
    const { org, subscriptionId } = await stripeOrg("Checked out");
    // A customer this database has not stored yet: the session's client_reference_id names the organization.
    stripe.current.subscriptions.set(
      subscriptionId,
      subscriptionObject({
        id: subscriptionId,
        customer: "cus_new",
        price: "price_plus_year",
        status: "active",
        periodStart: 1_800_000_000,
        periodEnd: 1_831_536_000,
      }),
    );
    const id = await stored("checkout.session.completed", {
      id: "cs_1",
      object: "checkout.session",
      subscription: subscriptionId,
      customer: "cus_new",
      client_reference_id: org.id,
    });
    expect(await handleCheckoutSessionCompleted(getDb(), id)).toMatchObject({ organizationId: org.id, plan: "PLUS", status: "active" });
    expect(await subscriptionRow(org.id)).toMatchObject({ plan: "PLUS", stripeSubscriptionId: subscriptionId, stripePriceId: "price_plus_year" });
    expect(await handleCheckoutSessionCompleted(getDb(), id)).toEqual({ skipped: true });
  });

  it("marks a session without a subscription handled and changes nothing", async () => {
    const { org } = await stripeOrg("No subscription");
    const id = await stored("checkout.session.completed", { id: "cs_2", object: "checkout.session", subscription: null, client_reference_id: org.id });
    expect(await handleCheckoutSessionCompleted(getDb(), id)).toEqual({ skipped: true });
    expect((await getDb().stripeEvent.findUniqueOrThrow({ where: { id } })).processedAt).not.toBeNull();
    expect((await subscriptionRow(org.id)).plan).toBe("FREE");
  });
});
