import type { SessionUser } from "../auth/session-user";
import { audit } from "../audit/log";
import type { Db, Prisma } from "../db/client";
import { DomainError, notFound } from "../errors";

async function memberOf(tx: Prisma.TransactionClient, organizationId: string, userId: string) {
  const membership = await tx.membership.findUnique({ where: { userId_organizationId: { userId, organizationId } }, select: { id: true, orgRole: true } });
  if (!membership) throw notFound("That member");
  return membership;
}

/** Owners share the organization's billing and membership decisions with another member. */
export async function makeOwner(db: Db, actor: SessionUser, organizationId: string, userId: string) {
  return db.$transaction(async (tx) => {
    const membership = await memberOf(tx, organizationId, userId);
    if (membership.orgRole === "OWNER") return { userId, orgRole: "OWNER" as const };
    await tx.membership.update({ where: { id: membership.id }, data: { orgRole: "OWNER" } });
    await audit(tx, { organizationId, actorId: actor.id, action: "organization.owner_added", targetType: "user", targetId: userId });
    return { userId, orgRole: "OWNER" as const };
  });
}

export async function removeMember(db: Db, actor: SessionUser, organizationId: string, userId: string) {
  return db.$transaction(async (tx) => {
    // Locked so that two owners removing each other at once cannot leave the organization ownerless.
    await tx.$queryRaw`SELECT id FROM memberships WHERE "organizationId" = ${organizationId} AND "orgRole" = 'OWNER' FOR UPDATE`;
    const membership = await memberOf(tx, organizationId, userId);
    if (membership.orgRole === "OWNER") {
      const owners = await tx.membership.count({ where: { organizationId, orgRole: "OWNER" } });
      if (owners <= 1) throw new DomainError("CONFLICT", "An organization keeps at least one owner: make someone else an owner first.");
    }
    await tx.membership.delete({ where: { id: membership.id } });
    await audit(tx, { organizationId, actorId: actor.id, action: "organization.member_removed", targetType: "user", targetId: userId });
    return { userId };
  });
}
