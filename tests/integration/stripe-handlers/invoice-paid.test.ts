import { describe, expect, it } from "vitest";
import { handleInvoicePaid } from "@/server/billing/stripe/handlers/invoice-paid";
import { getDb } from "@/server/db/client";
import { subscriptionObject } from "../../helpers/stripe-stand-in";
import { stored, stripeOrg, subscriptionRow, setUpStripeStandIn } from "../stripe-harness";

const stripe = setUpStripeStandIn();

describe("invoice.paid", () => {
  it("ends a past_due spell: active again, with the new period and no grace date", async () => {
    const { org, customer, subscriptionId } = await stripeOrg("Paid");
    await getDb().subscription.update({ where: { organizationId: org.id }, data: { plan: "PLUS", status: "past_due", pastDueSince: new Date() } });
    stripe.current.subscriptions.set(
      subscriptionId,
      subscriptionObject({ id: subscriptionId, customer, price: "price_plus_month", status: "active", periodStart: 1_802_000_000, periodEnd: 1_804_600_000 }),
    );
    const invoice = { id: "in_1", object: "invoice", parent: { type: "subscription_details", subscription_details: { subscription: subscriptionId } } };
    await handleInvoicePaid(getDb(), await stored("invoice.paid", invoice));
    expect(await subscriptionRow(org.id)).toMatchObject({ status: "active", pastDueSince: null, currentPeriodStart: new Date(1_802_000_000_000) });
  });

  it("ignores an invoice that belongs to no subscription", async () => {
    const id = await stored("invoice.paid", { id: "in_2", object: "invoice", parent: null });
    expect(await handleInvoicePaid(getDb(), id)).toEqual({ skipped: true });
  });
});
