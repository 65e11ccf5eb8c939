import type { Db } from "../db/client";
import { OPEN_STATUSES } from "../invitations/status";

/** How soon an open invitation's expiry is worth a reminder or a resend. */
export const EXPIRING_WITHIN_DAYS = 3;
const DAY_MS = 86_400_000;
/** Each group lists this many; its count says how many there are in all. */
const SHOWN = 5;

export type AttentionKind = "unreviewed" | "flagged" | "expiring" | "failed";

export type AttentionItem = { id: string; label: string; detail: string; href: string; at: Date };

export type AttentionGroup = { kind: AttentionKind; title: string; description: string; count: number; items: AttentionItem[] };

/**
 * What HR should look at next, newest first. "Not yet reviewed" means no reviewer decision is
 * recorded: the data model records a reviewer's judgement as an override of the AI analysis.
 */
export async function needsAttention(db: Db, organizationId: string, now: Date = new Date()): Promise<AttentionGroup[]> {
  const unreviewedWhere = { organizationId, status: "COMPLETED" as const, analyses: { none: { overrides: { some: {} } } } };
  const flaggedWhere = { organizationId, responseId: null, status: "COMPLETE" as const, flagged: true };
  const expiringWhere = {
    organizationId,
    status: { in: [...OPEN_STATUSES] },
    expiresAt: { gt: now, lte: new Date(now.getTime() + EXPIRING_WITHIN_DAYS * DAY_MS) },
  };
  const failedWhere = { status: "FAILED" as const, invitation: { organizationId } };
  const invitationSelect = { id: true, candidateName: true, template: { select: { title: true } } } as const;

  const [unreviewed, unreviewedCount, flagged, flaggedCount, expiring, expiringCount, failed, failedCount] = await Promise.all([
    db.invitation.findMany({
      where: unreviewedWhere,
      orderBy: [{ completedAt: "desc" }, { id: "desc" }],
      take: SHOWN,
      select: { ...invitationSelect, completedAt: true, updatedAt: true },
    }),
    db.invitation.count({ where: unreviewedWhere }),
    db.analysis.findMany({
      where: flaggedWhere,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: SHOWN,
      select: { id: true, createdAt: true, invitation: { select: invitationSelect } },
    }),
    db.analysis.count({ where: flaggedWhere }),
    db.invitation.findMany({
      where: expiringWhere,
      orderBy: [{ expiresAt: "asc" }, { id: "asc" }],
      take: SHOWN,
      select: { ...invitationSelect, expiresAt: true },
    }),
    db.invitation.count({ where: expiringWhere }),
    db.response.findMany({
      where: failedWhere,
      orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
      take: SHOWN,
      select: { id: true, position: true, failureReason: true, updatedAt: true, invitation: { select: invitationSelect } },
    }),
    db.response.count({ where: failedWhere }),
  ]);

  const groups: AttentionGroup[] = [
    {
      kind: "unreviewed",
      title: "Completed, not yet reviewed",
      description: "Interviews whose AI first read no reviewer has confirmed or overridden.",
      count: unreviewedCount,
      items: unreviewed.map((i) => ({
        id: i.id,
        label: i.candidateName,
        detail: i.template.title,
        href: `/interviews/${i.id}`,
        at: i.completedAt ?? i.updatedAt,
      })),
    },
    {
      kind: "flagged",
      title: "Flagged analyses",
      description: "The analysis found something a person should check, such as a manipulation attempt or an unverified quote.",
      count: flaggedCount,
      items: flagged.map((a) => ({
        id: a.id,
        label: a.invitation.candidateName,
        detail: a.invitation.template.title,
        href: `/interviews/${a.invitation.id}`,
        at: a.createdAt,
      })),
    },
    {
      kind: "expiring",
      title: "Invitations expiring soon",
      description: `Candidates who have not finished and whose link stops working within ${EXPIRING_WITHIN_DAYS} days.`,
      count: expiringCount,
      items: expiring.map((i) => ({ id: i.id, label: i.candidateName, detail: i.template.title, href: `/interviews/${i.id}`, at: i.expiresAt })),
    },
    {
      kind: "failed",
      title: "Failed processing",
      description: "Answers the media pipeline could not process; they can be processed again from the review page.",
      count: failedCount,
      items: failed.map((r) => ({
        id: r.id,
        label: `${r.invitation.candidateName}, question ${r.position + 1}`,
        detail: r.failureReason ?? r.invitation.template.title,
        href: `/interviews/${r.invitation.id}?answer=${r.id}`,
        at: r.updatedAt,
      })),
    },
  ];
  return groups.filter((g) => g.count > 0);
}
