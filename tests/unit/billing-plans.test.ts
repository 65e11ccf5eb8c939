import { describe, expect, it } from "vitest";
import { effectivePlan } from "@/server/billing/effective-plan";
import { billingMode } from "@/server/billing/mode";
import { billingPeriod } from "@/server/billing/period";
import { PLANS, planCapabilities } from "@/server/billing/plans";

const DAY = 24 * 60 * 60 * 1000;

describe("planCapabilities", () => {
  it("gives each plan the limits and features of issue 11", () => {
    const table = PLANS.map((p) => {
      const c = planCapabilities(p);
      return [c.name, c.completedInterviewsPerMonth, c.activeTemplates, c.hrSeats, c.recordingRetentionMaxDays, c.groqAnalysis, c.outgoingWebhooks, c.apiKeys];
    });
    expect(table).toEqual([
      ["Free", 3, 5, 1, 30, false, false, false],
      ["Plus", 100, 50, 5, 180, true, true, true],
      ["Pro", null, null, null, 365, true, true, true],
    ]);
  });
});

describe("effectivePlan", () => {
  const now = new Date("2026-03-10T12:00:00Z");
  const sub = (status: string, pastDueSince: Date | null = null) => ({ plan: "PLUS" as const, status, pastDueSince });

  it("is the subscription's plan while it is active or trialing, and Free without one", () => {
    expect(effectivePlan(sub("active"), 7, now).plan).toBe("PLUS");
    expect(effectivePlan(sub("trialing"), 7, now).plan).toBe("PLUS");
    expect(effectivePlan(null, 7, now).plan).toBe("FREE");
  });

  it("keeps the paid plan through the grace period after a failed payment, then falls to Free", () => {
    const inGrace = effectivePlan(sub("past_due", new Date(now.getTime() - 6 * DAY)), 7, now);
    expect(inGrace).toEqual({ plan: "PLUS", graceEndsAt: new Date(now.getTime() + DAY) });
    expect(effectivePlan(sub("past_due", new Date(now.getTime() - 7 * DAY)), 7, now).plan).toBe("FREE");
    expect(effectivePlan(sub("past_due", new Date(now.getTime() - DAY)), 0, now).plan).toBe("FREE");
  });

  it("is Free for every other status", () => {
    for (const status of ["canceled", "unpaid", "incomplete", "incomplete_expired", "paused"]) expect(effectivePlan(sub(status), 7, now).plan).toBe("FREE");
  });
});

describe("billingPeriod", () => {
  const now = new Date("2026-03-10T12:00:00Z");

  it("is the subscription's current period when it covers now", () => {
    const start = new Date("2026-02-20T00:00:00Z");
    const end = new Date("2026-03-20T00:00:00Z");
    expect(billingPeriod({ currentPeriodStart: start, currentPeriodEnd: end }, now)).toEqual({ start, end });
  });

  it("is the calendar month otherwise (no period, or a stale one)", () => {
    const month = { start: new Date("2026-03-01T00:00:00Z"), end: new Date("2026-04-01T00:00:00Z") };
    expect(billingPeriod(null, now)).toEqual(month);
    expect(billingPeriod({ currentPeriodStart: new Date("2026-01-01Z"), currentPeriodEnd: new Date("2026-02-01Z") }, now)).toEqual(month);
  });
});

describe("billingMode", () => {
  it("is stripe exactly when the secret key is set", () => {
    expect(billingMode({})).toBe("local");
    expect(billingMode({ STRIPE_SECRET_KEY: "  " })).toBe("local");
    expect(billingMode({ STRIPE_SECRET_KEY: "sk_test_1" })).toBe("stripe");
  });
});
