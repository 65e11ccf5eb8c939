import { audit } from "../audit/log";
import type { Db, Prisma } from "../db/client";
import type { SubscriptionChange } from "./billing.schema";

type Tx = Prisma.TransactionClient;
const date = (iso: string | null) => (iso ? new Date(iso) : null);

/**
 * Stores a subscription state unless a newer one is stored already, so the same change applied
 * twice, or an old change arriving after a newer one, leaves the row as the newest state made it.
 * Returns whether it changed anything.
 */
export async function applySubscriptionChange(db: Db, change: SubscriptionChange): Promise<{ applied: boolean }> {
  return db.$transaction((tx) => applySubscriptionChangeIn(tx, change));
}

export async function applySubscriptionChangeIn(tx: Tx, change: SubscriptionChange): Promise<{ applied: boolean }> {
  const observedAt = new Date(change.observedAt);
  await tx.subscription.upsert({ where: { organizationId: change.organizationId }, update: {}, create: { organizationId: change.organizationId } });
  const [current] = await tx.$queryRaw<{ plan: string; status: string; stateAt: Date | null; pastDueSince: Date | null }[]>`
    SELECT plan::text AS plan, status, "stateAt", "pastDueSince" FROM subscriptions WHERE "organizationId" = ${change.organizationId} FOR UPDATE`;
  if (current!.stateAt && current!.stateAt >= observedAt) return { applied: false };
  // Stripe sends no "past due since": it is when we first saw the status, kept while it lasts.
  const pastDueSince = change.status === "past_due" ? (current!.status === "past_due" && current!.pastDueSince ? current!.pastDueSince : observedAt) : null;
  await tx.subscription.update({
    where: { organizationId: change.organizationId },
    data: {
      plan: change.plan,
      status: change.status,
      currentPeriodStart: date(change.currentPeriodStart),
      currentPeriodEnd: date(change.currentPeriodEnd),
      cancelAtPeriodEnd: change.cancelAtPeriodEnd,
      pastDueSince,
      stateAt: observedAt,
      // A local or admin change does not forget the organization's Stripe customer.
      ...(change.stripeCustomerId ? { stripeCustomerId: change.stripeCustomerId } : {}),
      ...(change.source === "stripe" ? { stripeSubscriptionId: change.stripeSubscriptionId, stripePriceId: change.stripePriceId } : {}),
    },
  });
  if (current!.plan !== change.plan || current!.status !== change.status) {
    await audit(tx, {
      organizationId: change.organizationId,
      actorId: null,
      action: "billing.subscription_changed",
      targetType: "organization",
      targetId: change.organizationId,
      data: { source: change.source, from: { plan: current!.plan, status: current!.status }, to: { plan: change.plan, status: change.status } },
    });
  }
  return { applied: true };
}
