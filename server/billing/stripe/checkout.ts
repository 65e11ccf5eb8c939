import type { SessionUser } from "../../auth/session-user";
import { audit } from "../../audit/log";
import { env } from "../../config/env";
import type { Db } from "../../db/client";
import { DomainError } from "../../errors";
import type { ChangePlanInput } from "../billing.schema";
import { BILLING_PATH } from "../quota";
import { stripeClient } from "./client";
import { priceFor } from "./prices";

/**
 * The organization's one Stripe customer. The idempotency key makes two first checkouts at once
 * get the same customer from Stripe, and only the first write stores it.
 */
async function customerFor(db: Db, organizationId: string): Promise<string> {
  const org = await db.organization.findUniqueOrThrow({
    where: { id: organizationId },
    select: { name: true, subscription: { select: { stripeCustomerId: true } } },
  });
  if (org.subscription?.stripeCustomerId) return org.subscription.stripeCustomerId;
  const customer = await stripeClient().customers.create(
    { name: org.name, metadata: { organizationId } },
    { idempotencyKey: `customer-for-organization-${organizationId}` },
  );
  await db.subscription.upsert({ where: { organizationId }, update: {}, create: { organizationId } });
  await db.subscription.updateMany({ where: { organizationId, stripeCustomerId: null }, data: { stripeCustomerId: customer.id } });
  const stored = await db.subscription.findUniqueOrThrow({ where: { organizationId }, select: { stripeCustomerId: true } });
  return stored.stripeCustomerId!;
}

export async function startCheckout(db: Db, actor: Pick<SessionUser, "id">, organizationId: string, input: ChangePlanInput): Promise<{ url: string }> {
  const e = env();
  const price = priceFor(e, input);
  const customer = await customerFor(db, organizationId);
  const session = await stripeClient().checkout.sessions.create({
    mode: "subscription",
    customer,
    client_reference_id: organizationId,
    line_items: [{ price, quantity: 1 }],
    subscription_data: { metadata: { organizationId } },
    success_url: `${e.APP_URL}${BILLING_PATH}?checkout=done`,
    cancel_url: `${e.APP_URL}${BILLING_PATH}`,
  });
  if (!session.url) throw new DomainError("PRECONDITION_FAILED", "Stripe did not return a checkout page.");
  await db.$transaction((tx) =>
    audit(tx, {
      organizationId,
      actorId: actor.id,
      action: "billing.checkout_started",
      targetType: "organization",
      targetId: organizationId,
      data: { plan: input.plan, interval: input.interval },
    }),
  );
  return { url: session.url };
}

/** Stripe's Customer Portal: card, invoices, plan changes and cancellation. */
export async function openPortal(db: Db, organizationId: string): Promise<{ url: string }> {
  const e = env();
  const subscription = await db.subscription.findUnique({ where: { organizationId }, select: { stripeCustomerId: true } });
  if (!subscription?.stripeCustomerId) throw new DomainError("PRECONDITION_FAILED", "Your organization has no Stripe subscription yet: choose a plan first.");
  const session = await stripeClient().billingPortal.sessions.create({
    customer: subscription.stripeCustomerId,
    return_url: `${e.APP_URL}${BILLING_PATH}`,
    ...(e.STRIPE_PORTAL_CONFIGURATION_ID ? { configuration: e.STRIPE_PORTAL_CONFIGURATION_ID } : {}),
  });
  return { url: session.url };
}
