import type { Prisma } from "../db/client";
import { env } from "../config/env";
import { OPEN_STATUSES } from "../invitations/status";
import { effectivePlan, type EffectivePlan } from "./effective-plan";
import { billingPeriod, type BillingPeriod } from "./period";
import { planCapabilities, type PlanCapabilities, type QuotaName } from "./plans";

type Reader = Pick<Prisma.TransactionClient, "invitation" | "template" | "membership" | "subscription">;

export type Meter = { used: number; limit: number | null };

export type Usage = {
  effective: EffectivePlan;
  capabilities: PlanCapabilities;
  period: BillingPeriod;
  meters: Record<QuotaName, Meter>;
};

async function subscriptionOf(db: Reader, organizationId: string) {
  return db.subscription.findUnique({
    where: { organizationId },
    select: { plan: true, status: true, pastDueSince: true, currentPeriodStart: true, currentPeriodEnd: true },
  });
}

/**
 * Interviews count against the month when completed; one sent and not yet answered counts already,
 * since its candidate may complete it at any time and must never be stopped.
 */
async function interviewsUsed(db: Reader, organizationId: string, period: BillingPeriod, now: Date) {
  const [completed, pending] = await Promise.all([
    db.invitation.count({ where: { organizationId, status: "COMPLETED", completedAt: { gte: period.start, lt: period.end } } }),
    db.invitation.count({ where: { organizationId, status: { in: [...OPEN_STATUSES] }, expiresAt: { gt: now } } }),
  ]);
  return completed + pending;
}

const counters: Record<QuotaName, (db: Reader, organizationId: string, period: BillingPeriod, now: Date) => Promise<number>> = {
  completedInterviewsPerMonth: interviewsUsed,
  activeTemplates: (db, organizationId) => db.template.count({ where: { organizationId, status: { not: "ARCHIVED" } } }),
  hrSeats: (db, organizationId) => db.membership.count({ where: { organizationId, role: { in: ["HR", "ADMIN"] } } }),
};

/** The organization's plan as its limits see it, and how much of each limit is used this period. */
export async function organizationUsage(db: Reader, organizationId: string, now: Date = new Date()): Promise<Usage> {
  const subscription = await subscriptionOf(db, organizationId);
  const effective = effectivePlan(subscription, env().BILLING_GRACE_DAYS, now);
  const capabilities = planCapabilities(effective.plan);
  const period = billingPeriod(subscription, now);
  const names = Object.keys(counters) as QuotaName[];
  const used = await Promise.all(names.map((name) => counters[name](db, organizationId, period, now)));
  const meters = Object.fromEntries(names.map((name, i) => [name, { used: used[i]!, limit: capabilities[name] }])) as Record<QuotaName, Meter>;
  return { effective, capabilities, period, meters };
}

/** What the organization's effective plan includes, for features that depend on it. */
export async function organizationCapabilities(db: Pick<Prisma.TransactionClient, "subscription">, organizationId: string): Promise<PlanCapabilities> {
  const subscription = await db.subscription.findUnique({ where: { organizationId }, select: { plan: true, status: true, pastDueSince: true } });
  return planCapabilities(effectivePlan(subscription, env().BILLING_GRACE_DAYS).plan);
}

/** One limit's count, for a quota check that needs only that one. */
export async function quotaUsage(db: Reader, organizationId: string, quota: QuotaName, now: Date = new Date()) {
  const subscription = await subscriptionOf(db, organizationId);
  const effective = effectivePlan(subscription, env().BILLING_GRACE_DAYS, now);
  const capabilities = planCapabilities(effective.plan);
  const used = await counters[quota](db, organizationId, billingPeriod(subscription, now), now);
  return { capabilities, used, limit: capabilities[quota] };
}
