import { randomUUID } from "node:crypto";
import { env } from "../config/env";
import type { Prisma } from "../db/client";
import { DomainError } from "../errors";
import type { PlanCapabilities, QuotaName } from "./plans";
import { quotaUsage } from "./usage";
import { metrics } from "../metrics/registry";

export const BILLING_PATH = "/settings/billing";

const WHAT: Record<QuotaName, { noun: string; action: string }> = {
  completedInterviewsPerMonth: { noun: "interviews a billing month (completed, or sent and not yet answered)", action: "invite more candidates" },
  activeTemplates: { noun: "templates that are not archived", action: "add a template, or archive one first" },
  hrSeats: { noun: "HR seats", action: "add a member" },
};

export function quotaExceeded(capabilities: PlanCapabilities, quota: QuotaName, used: number, adding: number): DomainError {
  const limit = capabilities[quota];
  const what = WHAT[quota];
  return new DomainError(
    "PAYMENT_REQUIRED",
    `The ${capabilities.name} plan allows ${limit} ${what.noun}; your organization uses ${used}` +
      `${adding > 1 ? ` and this would add ${adding}` : ""}. Upgrade at ${env().APP_URL}${BILLING_PATH} to ${what.action}.`,
  );
}

/**
 * Serializes every quota check of an organization: the subscription row is locked until the
 * transaction ends, so two requests racing for the last slot are counted one after the other.
 * Organizations made before billing existed get their (Free) row here.
 */
export async function lockBilling(tx: Prisma.TransactionClient, organizationId: string): Promise<void> {
  await tx.$executeRaw`INSERT INTO subscriptions (id, "organizationId", "updatedAt") VALUES (${randomUUID()}, ${organizationId}, now()) ON CONFLICT ("organizationId") DO NOTHING`;
  await tx.$queryRaw`SELECT id FROM subscriptions WHERE "organizationId" = ${organizationId} FOR UPDATE`;
}

/**
 * Refuses an action that would take the organization past its plan's limit. Call it inside the
 * action's transaction, before writing: it takes the billing lock, so the count it reads stays
 * true until the action commits.
 */
export async function requireQuota(tx: Prisma.TransactionClient, organizationId: string, quota: QuotaName, adding = 1): Promise<void> {
  await lockBilling(tx, organizationId);
  const { capabilities, used, limit } = await quotaUsage(tx, organizationId, quota);
  if (limit !== null && used + adding > limit) {
    metrics().quotaRefusals.inc({ quota, plan: capabilities.plan });
    throw quotaExceeded(capabilities, quota, used, adding);
  }
}
