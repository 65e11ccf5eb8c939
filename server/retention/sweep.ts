import { env } from "../config/env";
import type { Db } from "../db/client";
import { effectivePlan } from "../billing/effective-plan";
import { planCapabilities } from "../billing/plans";
import { effectiveRetentionDays } from "./policy";

const DAY_MS = 24 * 60 * 60 * 1000;

/** One sweep's work is bounded so that a run stays a handful of steps; the next sweep takes the rest. */
export const SWEEP_BATCH = 100;

export type DueInterview = { invitationId: string; reason: "retention" | "candidate-request" };

export type DueWork = { interviews: DueInterview[]; organizations: string[] };

/**
 * What the sweep must delete now: interviews whose candidate's deletion request is due, interviews
 * that ended more than their organization's effective retention ago, and organizations whose
 * deletion grace period is over.
 */
export async function findDueWork(db: Db, now: Date = new Date()): Promise<DueWork> {
  const requests = await db.deletionRequest.findMany({
    where: { dueAt: { lte: now } },
    orderBy: { dueAt: "asc" },
    take: SWEEP_BATCH,
    select: { invitationId: true },
  });
  const interviews: DueInterview[] = requests.map((r) => ({ invitationId: r.invitationId, reason: "candidate-request" }));

  const orgs = await db.organization.findMany({
    select: { id: true, retentionDays: true, deletionDueAt: true, subscription: { select: { plan: true, status: true, pastDueSince: true } } },
  });
  for (const org of orgs) {
    if (interviews.length >= SWEEP_BATCH) break;
    const maxDays = planCapabilities(effectivePlan(org.subscription, env().BILLING_GRACE_DAYS, now).plan).recordingRetentionMaxDays;
    const cutoff = new Date(now.getTime() - effectiveRetentionDays(org.retentionDays, maxDays) * DAY_MS);
    const due = await db.invitation.findMany({
      where: {
        organizationId: org.id,
        id: { notIn: interviews.map((i) => i.invitationId) },
        OR: [
          { completedAt: { lt: cutoff } },
          { completedAt: null, cancelledAt: { lt: cutoff } },
          { completedAt: null, cancelledAt: null, expiresAt: { lt: cutoff } },
        ],
      },
      orderBy: { sentAt: "asc" },
      take: SWEEP_BATCH - interviews.length,
      select: { id: true },
    });
    interviews.push(...due.map((d) => ({ invitationId: d.id, reason: "retention" as const })));
  }

  const organizations = orgs.filter((o) => o.deletionDueAt && o.deletionDueAt <= now).map((o) => o.id);
  return { interviews, organizations };
}
