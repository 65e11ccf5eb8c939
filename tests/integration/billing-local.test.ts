import { InngestTestEngine } from "@inngest/test";
import { describe, expect, it } from "vitest";
import { subscriptionChangedFn } from "@/inngest/functions/subscription-changed";
import { analyzerFor } from "@/server/analysis/analyze-interview";
import { applySubscriptionChange } from "@/server/billing/subscription";
import type { SubscriptionChange } from "@/server/billing/billing.schema";
import { resetEnvForTests } from "@/server/config/env";
import { getDb } from "@/server/db/client";
import { callerFor, makeOrg, makeUser } from "../helpers/actors";

const db = () => getDb();

/** Runs the background function on the organization's pending subscription.changed events, as the relay and runner would. */
async function deliverChanges(organizationId: string) {
  const rows = await db().outboxEvent.findMany({ where: { organizationId, name: "subscription.changed", sentAt: null }, orderBy: { createdAt: "asc" } });
  for (const row of rows) {
    const t = new InngestTestEngine({ function: subscriptionChangedFn, events: [{ name: row.name, data: row.payload as SubscriptionChange }] });
    await t.execute();
    await db().outboxEvent.update({ where: { id: row.id }, data: { sentAt: new Date() } });
  }
  return rows.length;
}

describe("local billing mode", () => {
  it("an owner switches plan at the local checkout: one event, applied by the subscription handler, and the limits follow", async () => {
    const org = await makeOrg("Local", "FREE");
    const owner = await makeUser({ role: "HR", orgId: org.id, orgRole: "OWNER" });
    const caller = await callerFor(owner.id);
    const before = await caller.billing.overview();
    expect(before).toMatchObject({ mode: "local", plan: { plan: "FREE" }, canManage: true, meters: { hrSeats: { used: 1, limit: 1 } } });

    await caller.billing.switchPlanLocally({ plan: "PLUS", interval: "month" });
    // Nothing changes until the event is handled, exactly as with Stripe's webhooks.
    expect((await caller.billing.overview()).plan.plan).toBe("FREE");
    expect(await deliverChanges(org.id)).toBe(1);
    const after = await caller.billing.overview();
    expect(after).toMatchObject({
      plan: { plan: "PLUS" },
      subscription: { status: "active" },
      meters: { hrSeats: { used: 1, limit: 5 }, activeTemplates: { limit: 50 } },
    });
    expect(await db().auditLog.count({ where: { organizationId: org.id, action: { in: ["billing.local_checkout", "billing.subscription_changed"] } } })).toBe(
      2,
    );
  });

  it("a member who is not an owner sees the plan but cannot switch it", async () => {
    const org = await makeOrg("Member", "FREE");
    const member = await callerFor((await makeUser({ role: "HR", orgId: org.id })).id);
    expect((await member.billing.overview()).canManage).toBe(false);
    await expect(member.billing.switchPlanLocally({ plan: "PRO", interval: "month" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("an admin sets any organization's plan through the same event", async () => {
    const org = await makeOrg("Admin set", "FREE");
    const admin = await callerFor((await makeUser({ role: "ADMIN" })).id);
    await admin.billing.setPlan({ organizationId: org.id, plan: "PRO" });
    await deliverChanges(org.id);
    expect((await admin.billing.organizations()).find((o) => o.id === org.id)).toMatchObject({ plan: "PRO", status: "active" });
  });

  it("never lets an older change replace a newer one, and applies each change once", async () => {
    const org = await makeOrg("Order", "FREE");
    const change = (plan: "PLUS" | "PRO", at: string): SubscriptionChange => ({
      organizationId: org.id,
      source: "local",
      plan,
      status: "active",
      observedAt: at,
      currentPeriodStart: null,
      currentPeriodEnd: null,
      cancelAtPeriodEnd: false,
      stripeCustomerId: null,
      stripeSubscriptionId: null,
      stripePriceId: null,
    });
    expect(await applySubscriptionChange(db(), change("PRO", "2026-05-02T00:00:00.000Z"))).toEqual({ applied: true });
    expect(await applySubscriptionChange(db(), change("PLUS", "2026-05-01T00:00:00.000Z"))).toEqual({ applied: false });
    expect(await applySubscriptionChange(db(), change("PRO", "2026-05-02T00:00:00.000Z"))).toEqual({ applied: false });
    expect(await db().subscription.findUniqueOrThrow({ where: { organizationId: org.id } })).toMatchObject({ plan: "PRO" });
  });
});

describe("plan features", () => {
  it("analyses with Groq, when it is configured, only on a plan that includes it", async () => {
    const free = await makeOrg("Free analysis", "FREE");
    const plus = await makeOrg("Plus analysis", "PLUS");
    expect((await analyzerFor(db(), plus.id)).engine).toBe("offline");
    process.env.GROQ_API_KEY = "gsk_test_not_called";
    resetEnvForTests();
    try {
      expect((await analyzerFor(db(), free.id)).engine).toBe("offline");
      expect((await analyzerFor(db(), plus.id)).engine).toBe("groq-llm");
    } finally {
      delete process.env.GROQ_API_KEY;
      resetEnvForTests();
    }
  });
});
