import type { SessionMembership } from "../auth/session-user";
import { env } from "../config/env";
import type { Db } from "../db/client";
import { billingMode } from "./mode";
import { PLANS, planCapabilities } from "./plans";
import { organizationUsage } from "./usage";
import { organizationRetention } from "../retention/policy";

/** What the billing page and the dashboard meter show. */
export async function billingOverview(db: Db, membership: SessionMembership) {
  const organizationId = membership.organizationId;
  const [usage, subscription, retention] = await Promise.all([
    organizationUsage(db, organizationId),
    db.subscription.findUnique({
      where: { organizationId },
      select: { plan: true, status: true, cancelAtPeriodEnd: true, currentPeriodEnd: true, stripeCustomerId: true },
    }),
    organizationRetention(db, organizationId),
  ]);
  return {
    mode: billingMode(env()),
    plans: PLANS.map(planCapabilities),
    plan: usage.capabilities,
    subscription: subscription ?? { plan: "FREE" as const, status: "active", cancelAtPeriodEnd: false, currentPeriodEnd: null, stripeCustomerId: null },
    graceEndsAt: usage.effective.graceEndsAt,
    pastDue: subscription?.status === "past_due",
    period: usage.period,
    meters: usage.meters,
    retention,
    canManage: membership.orgRole === "OWNER",
  };
}

/** Every organization with its plan, for the admins' plan switcher. */
export async function organizationPlans(db: Db) {
  const orgs = await db.organization.findMany({
    orderBy: { name: "asc" },
    select: { id: true, name: true, slug: true, subscription: { select: { plan: true, status: true } }, _count: { select: { memberships: true } } },
  });
  return orgs.map((o) => ({
    id: o.id,
    name: o.name,
    slug: o.slug,
    plan: o.subscription?.plan ?? "FREE",
    status: o.subscription?.status ?? "active",
    members: o._count.memberships,
  }));
}
