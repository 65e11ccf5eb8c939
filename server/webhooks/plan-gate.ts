import { BILLING_PATH } from "../billing/quota";
import { organizationCapabilities } from "../billing/usage";
import { env } from "../config/env";
import type { Prisma } from "../db/client";
import { DomainError } from "../errors";

/** Outgoing webhooks are a Plus and Pro feature: refused on Free the way a quota is, with the plan and the way to upgrade. */
export async function requireWebhooksPlan(db: Pick<Prisma.TransactionClient, "subscription">, organizationId: string): Promise<void> {
  const capabilities = await organizationCapabilities(db, organizationId);
  if (capabilities.outgoingWebhooks) return;
  throw new DomainError(
    "PAYMENT_REQUIRED",
    `The ${capabilities.name} plan does not include outgoing webhooks; Plus and Pro do. Upgrade at ${env().APP_URL}${BILLING_PATH} to send events to your systems.`,
  );
}

export async function webhooksIncluded(db: Pick<Prisma.TransactionClient, "subscription">, organizationId: string): Promise<boolean> {
  return (await organizationCapabilities(db, organizationId)).outgoingWebhooks;
}
