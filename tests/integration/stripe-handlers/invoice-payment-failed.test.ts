import { describe, expect, it } from "vitest";
import { handleInvoicePaymentFailed } from "@/server/billing/stripe/handlers/invoice-payment-failed";
import { organizationUsage } from "@/server/billing/usage";
import { getDb } from "@/server/db/client";
import { makeUser } from "../../helpers/actors";
import { subscriptionObject } from "../../helpers/stripe-stand-in";
import { stored, stripeOrg, subscriptionRow, setUpStripeStandIn } from "../stripe-harness";

const stripe = setUpStripeStandIn();

describe("invoice.payment_failed", () => {
  it("starts the grace period on the paid plan and emails the organization's active HR once", async () => {
    const { org, owner, customer, subscriptionId } = await stripeOrg("Failed");
    const colleague = await makeUser({ role: "HR", orgId: org.id });
    await makeUser({ role: "HR", orgId: org.id, status: "SUSPENDED" });
    stripe.current.subscriptions.set(
      subscriptionId,
      subscriptionObject({ id: subscriptionId, customer, price: "price_plus_month", status: "past_due", periodStart: 1_802_000_000, periodEnd: 1_804_600_000 }),
    );
    const invoice = { id: "in_f", object: "invoice", parent: { type: "subscription_details", subscription_details: { subscription: subscriptionId } } };
    const id = await stored("invoice.payment_failed", invoice);
    expect(await handleInvoicePaymentFailed(getDb(), id)).toMatchObject({ status: "past_due", emailed: 2 });
    expect(await handleInvoicePaymentFailed(getDb(), id)).toEqual({ skipped: true });

    const row = await subscriptionRow(org.id);
    expect(row.pastDueSince).not.toBeNull();
    const usage = await organizationUsage(getDb(), org.id);
    expect(usage.capabilities.plan).toBe("PLUS");
    expect(usage.effective.graceEndsAt).toEqual(new Date(row.pastDueSince!.getTime() + 7 * 24 * 3600 * 1000));
    const mails = await getDb().emailMessage.findMany({ where: { template: "payment-failed" }, select: { to: true, html: true } });
    expect(mails.map((m) => m.to).sort()).toEqual([owner.email, colleague.email].sort());
    expect(mails[0]!.html).toContain("/settings/billing");
  });
});
