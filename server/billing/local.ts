import type { SessionUser } from "../auth/session-user";
import { audit } from "../audit/log";
import { env } from "../config/env";
import type { Db, Plan, Prisma } from "../db/client";
import { DomainError, notFound } from "../errors";
import { enqueueEvent } from "../events/outbox";
import type { AdminSetPlanInput, ChangePlanInput, SubscriptionChange } from "./billing.schema";
import { billingMode } from "./mode";

/**
 * A plan chosen without Stripe is active from now and has no billing period of its own, so usage
 * keeps counting by calendar month; it is applied by the same handler as Stripe's changes.
 */
function localChange(organizationId: string, plan: Plan, source: "local" | "admin"): SubscriptionChange {
  return {
    organizationId,
    source,
    plan,
    status: "active",
    observedAt: new Date().toISOString(),
    currentPeriodStart: null,
    currentPeriodEnd: null,
    cancelAtPeriodEnd: false,
    stripeCustomerId: null,
    stripeSubscriptionId: null,
    stripePriceId: null,
  };
}

async function requestChange(tx: Prisma.TransactionClient, actor: Pick<SessionUser, "id">, change: SubscriptionChange, action: string) {
  await audit(tx, {
    organizationId: change.organizationId,
    actorId: actor.id,
    action,
    targetType: "organization",
    targetId: change.organizationId,
    data: { plan: change.plan },
  });
  await enqueueEvent(tx, "subscription.changed", change, change.organizationId);
  return { plan: change.plan, requestedAt: change.observedAt };
}

/** The local checkout: no payment is taken; the owner's choice becomes the organization's plan. */
export async function switchPlanLocally(db: Db, actor: Pick<SessionUser, "id">, organizationId: string, input: ChangePlanInput) {
  if (billingMode(env()) === "stripe")
    throw new DomainError("PRECONDITION_FAILED", "Stripe bills this organization: change the plan through checkout or the customer portal.");
  return db.$transaction((tx) => requestChange(tx, actor, localChange(organizationId, input.plan, "local"), "billing.local_checkout"));
}

/**
 * Platform operators set any organization's plan (a deal agreed outside Stripe, a correction).
 * In Stripe mode the next subscription event from Stripe supersedes it.
 */
export async function setPlanAsAdmin(db: Db, actor: Pick<SessionUser, "id">, input: AdminSetPlanInput) {
  return db.$transaction(async (tx) => {
    const org = await tx.organization.findUnique({ where: { id: input.organizationId }, select: { id: true } });
    if (!org) throw notFound("The organization");
    return requestChange(tx, actor, localChange(org.id, input.plan, "admin"), "billing.plan_set_by_admin");
  });
}
