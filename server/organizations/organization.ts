import { newJoinCode } from "./join-code";
import type { Db } from "../db/client";
import type { SessionUser } from "../auth/session-user";
import { audit } from "../audit/log";
import { notFound } from "../errors";

export async function getOrganization(db: Db, organizationId: string) {
  const org = await db.organization.findUnique({
    where: { id: organizationId },
    select: {
      id: true,
      name: true,
      slug: true,
      joinCode: true,
      createdAt: true,
      memberships: {
        orderBy: { createdAt: "asc" },
        select: { role: true, orgRole: true, createdAt: true, user: { select: { id: true, email: true, name: true, status: true } } },
      },
    },
  });
  if (!org) throw notFound("The organization");
  return org;
}

export async function renameOrganization(db: Db, actor: SessionUser, organizationId: string, name: string) {
  return db.$transaction(async (tx) => {
    const org = await tx.organization.update({ where: { id: organizationId }, data: { name }, select: { id: true, name: true } });
    await audit(tx, {
      organizationId,
      actorId: actor.id,
      action: "organization.renamed",
      targetType: "organization",
      targetId: organizationId,
      data: { name },
    });
    return org;
  });
}

/** A leaked join code is revoked by replacing it. */
export async function rotateJoinCode(db: Db, actor: SessionUser, organizationId: string) {
  return db.$transaction(async (tx) => {
    const org = await tx.organization.update({
      where: { id: organizationId },
      data: { joinCode: newJoinCode() },
      select: { joinCode: true },
    });
    await audit(tx, { organizationId, actorId: actor.id, action: "organization.join_code_rotated", targetType: "organization", targetId: organizationId });
    return org;
  });
}
