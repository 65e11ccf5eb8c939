import { describe, expect, it, vi } from "vitest";
import { getDb } from "@/server/db/client";
import { signedEvent, subscriptionObject } from "../helpers/stripe-stand-in";
import { callerFor, makeOrg, makeUser } from "../helpers/actors";
import { logger } from "@/server/logging/logger";
import { postEvent, runQueuedStripeEvents, setUpStripeStandIn } from "./stripe-harness";

const db = () => getDb();
const stripe = setUpStripeStandIn();
const T0 = Math.floor(Date.UTC(2026, 10, 1) / 1000);
const MONTH = 30 * 24 * 3600;

describe("Stripe webhook", () => {
  it("answers 400 and writes nothing for a bad or missing signature", async () => {
    const delivery = signedEvent("customer.subscription.updated", { id: "sub_bad" });
    const before = { events: await db().stripeEvent.count(), outbox: await db().outboxEvent.count() };
    expect((await postEvent(delivery, null)).status).toBe(400);
    expect((await postEvent(delivery, delivery.signature.replace(/v1=[0-9a-f]{4}/, "v1=0000"))).status).toBe(400);
    expect((await postEvent({ ...delivery, payload: delivery.payload.replace("sub_bad", "sub_forged") })).status).toBe(400);
    expect({ events: await db().stripeEvent.count(), outbox: await db().outboxEvent.count() }).toEqual(before);
  });

  it("stores an event once, however often it is delivered, and ignores (and logs) types it does not handle", async () => {
    const delivery = signedEvent("customer.subscription.updated", { id: "sub_once" });
    expect(await postEvent(delivery)).toEqual({ status: 200, body: { received: true, duplicate: false } });
    expect(await postEvent(delivery)).toEqual({ status: 200, body: { received: true, duplicate: true } });
    expect(await db().stripeEvent.count({ where: { id: delivery.event.id } })).toBe(1);
    expect(await db().outboxEvent.count({ where: { payload: { equals: { stripeEventId: delivery.event.id } } } })).toBe(1);

    const log = vi.spyOn(logger, "info").mockImplementation(() => {});
    const unknown = signedEvent("customer.created", { id: "cus_x" });
    expect(await postEvent(unknown)).toEqual({ status: 200, body: { received: true, ignored: true } });
    expect(log).toHaveBeenCalledWith({ stripeEventId: unknown.event.id, type: "customer.created" }, expect.stringMatching(/not handled/));
    expect(await db().stripeEvent.count({ where: { id: unknown.event.id } })).toBe(0);
    log.mockRestore();
    await db().outboxEvent.updateMany({ where: { name: { startsWith: "stripe/" } }, data: { sentAt: new Date() } });
  });
});

describe("Stripe checkout and portal", () => {
  it("creates the organization's customer once, checks out the configured price, and opens the portal", async () => {
    const org = await makeOrg("Checkout", "FREE");
    const owner = await callerFor((await makeUser({ role: "HR", orgId: org.id, orgRole: "OWNER" })).id);
    const first = await owner.billing.checkout({ plan: "PLUS", interval: "year" });
    expect(first.url).toMatch(/^https:\/\/checkout\.stripe\.test\/cs_test_/);
    await owner.billing.checkout({ plan: "PRO", interval: "month" });
    const customers = stripe.current.requests.filter((r) => r.path === "/v1/customers");
    expect(customers).toHaveLength(1);
    const { stripeCustomerId } = await db().subscription.findUniqueOrThrow({ where: { organizationId: org.id } });
    const sessions = stripe.current.requests.filter((r) => r.path === "/v1/checkout/sessions").map((r) => Object.fromEntries(r.params));
    expect(sessions).toMatchObject([
      { mode: "subscription", customer: stripeCustomerId, client_reference_id: org.id, "line_items[0][price]": "price_plus_year" },
      { customer: stripeCustomerId, "line_items[0][price]": "price_pro_month" },
    ]);
    expect((await owner.billing.portal()).url).toMatch(/^https:\/\/billing\.stripe\.test\//);
    expect(Object.fromEntries(stripe.current.requests.at(-1)!.params)).toMatchObject({ customer: stripeCustomerId, configuration: "bpc_test_stand_in" });
    await expect(owner.billing.switchPlanLocally({ plan: "PRO", interval: "month" })).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    await expect(owner.billing.checkout({ plan: "FREE", interval: "month" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});

/** One organization's subscription life at Stripe: each step is Stripe's state, then the event it sends. */
function lifeOf(orgId: string, customer: string, sub: string) {
  const at = (price: string, status: string, start = T0, extra: { cancelAtPeriodEnd?: boolean } = {}) =>
    subscriptionObject({ id: sub, customer, price, status, periodStart: start, periodEnd: start + MONTH, organizationId: orgId, ...extra });
  const invoice = { id: `in_${sub}`, object: "invoice", parent: { type: "subscription_details", subscription_details: { subscription: sub } } };
  return [
    {
      state: at("price_plus_month", "active"),
      type: "checkout.session.completed",
      object: { id: `cs_${sub}`, object: "checkout.session", subscription: sub, customer, client_reference_id: orgId },
    },
    { state: at("price_plus_month", "active"), type: "customer.subscription.created", object: at("price_plus_month", "active") },
    { state: at("price_pro_month", "active"), type: "customer.subscription.updated", object: at("price_pro_month", "active") },
    { state: at("price_pro_month", "past_due", T0 + MONTH), type: "invoice.payment_failed", object: invoice },
    { state: at("price_pro_month", "active", T0 + MONTH, { cancelAtPeriodEnd: true }), type: "invoice.paid", object: invoice },
  ];
}

const stored = async (organizationId: string) => {
  const s = await db().subscription.findUniqueOrThrow({ where: { organizationId } });
  return {
    plan: s.plan,
    status: s.status,
    currentPeriodStart: s.currentPeriodStart,
    currentPeriodEnd: s.currentPeriodEnd,
    cancelAtPeriodEnd: s.cancelAtPeriodEnd,
    stripeSubscriptionId: s.stripeSubscriptionId,
    stripePriceId: s.stripePriceId,
    pastDueSince: s.pastDueSince,
  };
};

describe("Stripe events, in order, twice and backwards", () => {
  it("every delivery order ends in the state one in-order delivery leaves", async () => {
    const orgs = await Promise.all(["In order", "Replayed"].map((n) => makeOrg(n, "FREE")));
    for (const [i, org] of orgs.entries()) {
      await makeUser({ role: "HR", orgId: org.id, orgRole: "OWNER", email: `owner-${i}-${Date.now()}@example.com` });
      await db().subscription.update({ where: { organizationId: org.id }, data: { stripeCustomerId: `cus_life_${i}` } });
    }
    const [inOrder, replayed] = orgs.map((o, i) => ({ org: o, life: lifeOf(o.id, `cus_life_${i}`, `sub_life_${i}`) }));

    const delivered: string[] = [];
    for (const step of inOrder!.life) {
      stripe.current.subscriptions.set(`sub_life_0`, step.state);
      const delivery = signedEvent(step.type, step.object);
      delivered.push(delivery.event.id);
      expect((await postEvent(delivery)).status).toBe(200);
      await runQueuedStripeEvents();
      if (step.type === "invoice.payment_failed") {
        const billing = await db().subscription.findUniqueOrThrow({ where: { organizationId: inOrder!.org.id } });
        expect(billing).toMatchObject({ status: "past_due", plan: "PRO" });
        expect(billing.pastDueSince).not.toBeNull();
        const owner = await db().membership.findFirstOrThrow({ where: { organizationId: inOrder!.org.id }, select: { user: { select: { email: true } } } });
        expect(await db().emailMessage.findMany({ where: { template: "payment-failed" }, select: { to: true, subject: true } })).toEqual([
          { to: owner.user.email, subject: `Payment failed for ${inOrder!.org.name}` },
        ]);
      }
    }

    stripe.current.subscriptions.set(`sub_life_1`, replayed!.life.at(-1)!.state);
    const deliveries = replayed!.life.map((s) => signedEvent(s.type, s.object)).reverse();
    delivered.push(...deliveries.map((d) => d.event.id));
    for (const d of [...deliveries, ...deliveries]) expect((await postEvent(d)).status).toBe(200);
    await runQueuedStripeEvents();

    const expected = {
      plan: "PRO",
      status: "active",
      cancelAtPeriodEnd: true,
      stripePriceId: "price_pro_month",
      currentPeriodEnd: new Date((T0 + 2 * MONTH) * 1000),
      pastDueSince: null,
    };
    expect(await stored(inOrder!.org.id)).toMatchObject({ ...expected, stripeSubscriptionId: "sub_life_0" });
    expect(await stored(replayed!.org.id)).toMatchObject({ ...expected, stripeSubscriptionId: "sub_life_1" });
    const { stripeSubscriptionId: _a, ...a } = await stored(inOrder!.org.id);
    const { stripeSubscriptionId: _b, ...b } = await stored(replayed!.org.id);
    expect(b).toEqual(a);
    expect(await db().stripeEvent.count({ where: { id: { in: delivered }, processedAt: null } })).toBe(0);
  });
});
