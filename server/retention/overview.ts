import type { SessionMembership } from "../auth/session-user";
import type { Db } from "../db/client";
import { organizationRetention } from "./policy";

/** What the privacy settings page shows HR: retention, candidates' pending requests, deleted interviews, the organization's deletion. */
export async function privacyOverview(db: Db, membership: SessionMembership) {
  const organizationId = membership.organizationId;
  const [retention, requests, tombstones, org] = await Promise.all([
    organizationRetention(db, organizationId),
    db.deletionRequest.findMany({
      where: { organizationId },
      orderBy: { dueAt: "asc" },
      select: {
        id: true,
        requestedAt: true,
        dueAt: true,
        invitation: { select: { id: true, candidateName: true, candidateEmail: true, template: { select: { title: true } } } },
      },
    }),
    db.interviewTombstone.findMany({
      where: { organizationId },
      orderBy: { deletedAt: "desc" },
      take: 50,
      select: {
        invitationId: true,
        templateTitle: true,
        sentAt: true,
        completedAt: true,
        finalStatus: true,
        finalDecision: true,
        reason: true,
        deletedAt: true,
      },
    }),
    db.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { name: true, deletionRequestedAt: true, deletionDueAt: true } }),
  ]);
  return {
    retention,
    requests,
    tombstones,
    organization: org,
    isOwner: membership.orgRole === "OWNER",
  };
}
