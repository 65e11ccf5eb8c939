import type { SessionUser } from "../auth/session-user";
import { audit } from "../audit/log";
import { Prisma, type Db, type Plan } from "../db/client";
import { likeLiteral } from "../db/like";
import { DomainError, notFound } from "../errors";
import type { AdminListOrganizationsInput } from "./organizations.schema";

/** The operator's page lists at most this many organizations, the newest first; the search narrows it. */
export const ADMIN_ORGANIZATIONS_SHOWN = 200;

export type AdminOrganizationRow = {
  id: string;
  name: string;
  slug: string;
  plan: Plan;
  members: number;
  /** Interviews completed since the first of this month (UTC). */
  completedThisMonth: number;
  /** Open invitations: candidates who could still answer. */
  openInvitations: number;
  storageBytes: number;
  suspendedAt: Date | null;
  createdAt: Date;
};

/**
 * Every organization with its plan, members, usage and storage, each figure an aggregate the
 * database computes per organization (a sub-select each, so no join multiplies another's rows).
 */
export async function listOrganizations(db: Db, input: AdminListOrganizationsInput, now: Date = new Date()): Promise<AdminOrganizationRow[]> {
  const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const like = input.query ? `%${likeLiteral(input.query)}%` : null;
  return db.$queryRaw<AdminOrganizationRow[]>`
    SELECT o.id, o.name, o.slug, COALESCE(s.plan, 'FREE')::text AS plan, o."suspendedAt", o."createdAt",
      (SELECT count(*) FROM memberships m WHERE m."organizationId" = o.id)::int AS members,
      (SELECT count(*) FROM invitations i WHERE i."organizationId" = o.id AND i.status = 'COMPLETED' AND i."completedAt" >= ${monthStart})::int AS "completedThisMonth",
      (SELECT count(*) FROM invitations i WHERE i."organizationId" = o.id AND i.status IN ('SENT', 'OPENED', 'IN_PROGRESS') AND i."expiresAt" > ${now})::int AS "openInvitations",
      (SELECT COALESCE(sum(a."sizeBytes"), 0) FROM media_assets a WHERE a."organizationId" = o.id)::float8 AS "storageBytes"
    FROM organizations o
    LEFT JOIN subscriptions s ON s."organizationId" = o.id
    ${like ? Prisma.sql`WHERE o.name ILIKE ${like} OR o.slug ILIKE ${like}` : Prisma.empty}
    ORDER BY o."createdAt" DESC, o.id DESC
    LIMIT ${ADMIN_ORGANIZATIONS_SHOWN}`;
}

/**
 * Suspends an organization: its HR members lose every session now (and the session lookup refuses
 * them from now on, see organizationSuspended), and its open interviews show the candidate that
 * they are paused. Nothing is deleted; reactivating restores everything. Audited.
 */
export async function suspendOrganization(db: Db, actor: SessionUser, organizationId: string) {
  return db.$transaction(async (tx) => {
    const [org] = await tx.$queryRaw<{ id: string; suspendedAt: Date | null }[]>`
      SELECT id, "suspendedAt" FROM organizations WHERE id = ${organizationId} FOR UPDATE`;
    if (!org) throw notFound("The organization");
    if (org.suspendedAt) throw new DomainError("CONFLICT", "This organization is already suspended.");
    const suspendedAt = new Date();
    await tx.organization.update({ where: { id: organizationId }, data: { suspendedAt, suspendedById: actor.id } });
    // Platform admins who are members keep their sessions: an operator can always lift the suspension.
    const { count } = await tx.session.deleteMany({
      where: { user: { role: { not: "ADMIN" }, memberships: { some: { organizationId, role: { in: ["HR", "ADMIN"] } } } } },
    });
    await audit(tx, {
      actorId: actor.id,
      organizationId,
      action: "organization.suspended",
      targetType: "organization",
      targetId: organizationId,
      data: { sessionsEnded: count },
    });
    return { id: organizationId, suspendedAt, sessionsEnded: count };
  });
}

export async function reactivateOrganization(db: Db, actor: SessionUser, organizationId: string) {
  return db.$transaction(async (tx) => {
    const org = await tx.organization.findUnique({ where: { id: organizationId }, select: { suspendedAt: true } });
    if (!org) throw notFound("The organization");
    if (!org.suspendedAt) throw new DomainError("CONFLICT", "This organization is not suspended.");
    await tx.organization.update({ where: { id: organizationId }, data: { suspendedAt: null, suspendedById: null } });
    await audit(tx, { actorId: actor.id, organizationId, action: "organization.reactivated", targetType: "organization", targetId: organizationId });
    return { id: organizationId, suspendedAt: null };
  });
}
