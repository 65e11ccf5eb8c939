import type { Prisma } from "../db/client";
import { organizationCapabilities } from "../billing/usage";
import { notFound } from "../errors";

type Reader = Pick<Prisma.TransactionClient, "organization" | "subscription">;

export type Retention = {
  /** What the owners chose. */
  configuredDays: number;
  /** The most the organization's effective plan allows. */
  planMaxDays: number;
  planName: string;
  /** What is enforced: the smaller of the two, so a plan that goes down shortens retention at once. */
  effectiveDays: number;
};

export function effectiveRetentionDays(configuredDays: number, planMaxDays: number): number {
  return Math.min(configuredDays, planMaxDays);
}

export async function organizationRetention(db: Reader, organizationId: string): Promise<Retention> {
  const org = await db.organization.findUnique({ where: { id: organizationId }, select: { retentionDays: true } });
  if (!org) throw notFound("The organization");
  const capabilities = await organizationCapabilities(db, organizationId);
  return {
    configuredDays: org.retentionDays,
    planMaxDays: capabilities.recordingRetentionMaxDays,
    planName: capabilities.name,
    effectiveDays: effectiveRetentionDays(org.retentionDays, capabilities.recordingRetentionMaxDays),
  };
}

/**
 * When an interview's retention starts: when it ended (completed, cancelled, or its link expired).
 * An interview still open has not ended, so nothing of it is due.
 */
export function interviewEndedAt(i: { completedAt: Date | null; cancelledAt: Date | null; expiresAt: Date }, now: Date): Date | null {
  if (i.completedAt) return i.completedAt;
  if (i.cancelledAt) return i.cancelledAt;
  return i.expiresAt <= now ? i.expiresAt : null;
}
