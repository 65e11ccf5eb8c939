import type { SessionUser } from "../auth/session-user";
import { audit } from "../audit/log";
import type { Db } from "../db/client";
import { DomainError, notFound } from "../errors";
import { purgeInterview } from "./purge";
import { ORGANIZATION_DELETION_GRACE_DAYS, type DeleteOrganizationInput } from "./retention.schema";

const DAY_MS = 24 * 60 * 60 * 1000;

/** An owner asks for the organization to be deleted; it is deleted by the sweep once the grace period is over. */
export async function requestOrganizationDeletion(db: Db, actor: SessionUser, organizationId: string, input: DeleteOrganizationInput, now: Date = new Date()) {
  return db.$transaction(async (tx) => {
    const org = await tx.organization.findUnique({ where: { id: organizationId }, select: { name: true, deletionDueAt: true } });
    if (!org) throw notFound("The organization");
    if (input.confirmName !== org.name) throw new DomainError("BAD_REQUEST", `Type the organization's name exactly as it is ("${org.name}") to confirm.`);
    if (org.deletionDueAt) return { deletionDueAt: org.deletionDueAt };
    const deletionDueAt = new Date(now.getTime() + ORGANIZATION_DELETION_GRACE_DAYS * DAY_MS);
    await tx.organization.update({ where: { id: organizationId }, data: { deletionRequestedAt: now, deletionRequestedById: actor.id, deletionDueAt } });
    await audit(tx, {
      organizationId,
      actorId: actor.id,
      action: "organization.deletion_requested",
      targetType: "organization",
      targetId: organizationId,
      data: { deletionDueAt: deletionDueAt.toISOString() },
    });
    return { deletionDueAt };
  });
}

export async function cancelOrganizationDeletion(db: Db, actor: SessionUser, organizationId: string) {
  return db.$transaction(async (tx) => {
    const { count } = await tx.organization.updateMany({
      where: { id: organizationId, deletionDueAt: { not: null } },
      data: { deletionRequestedAt: null, deletionRequestedById: null, deletionDueAt: null },
    });
    if (count) {
      await audit(tx, { organizationId, actorId: actor.id, action: "organization.deletion_cancelled", targetType: "organization", targetId: organizationId });
    }
    return { cancelled: count === 1 };
  });
}

/**
 * Deletes an organization whose grace period is over, with everything in it: each interview the
 * way a single deletion goes (its files queued for deletion), then every other stored file of the
 * organization, then the organization's row, whose delete cascades to templates, members, billing
 * and the rest. Only a line in the platform's audit log remains (no organization, so no cascade).
 */
export async function deleteOrganizationNow(db: Db, organizationId: string, now: Date = new Date()): Promise<{ deleted: boolean; interviews: number }> {
  const org = await db.organization.findUnique({ where: { id: organizationId }, select: { name: true, deletionDueAt: true, deletionRequestedById: true } });
  if (!org?.deletionDueAt || org.deletionDueAt > now) return { deleted: false, interviews: 0 };
  const invitations = await db.invitation.findMany({ where: { organizationId }, select: { id: true } });
  for (const { id } of invitations) {
    await purgeInterview(db, { invitationId: id, reason: "organization-deleted", actorId: org.deletionRequestedById, now });
  }
  await db.$transaction(async (tx) => {
    const assets = await tx.mediaAsset.findMany({ where: { organizationId }, select: { storageDriver: true, storageKey: true } });
    await tx.storageDeletion.createMany({
      data: assets.map((a) => ({ organizationId, driver: a.storageDriver, key: a.storageKey })),
      skipDuplicates: true,
    });
    await tx.organization.delete({ where: { id: organizationId } });
    await audit(tx, {
      organizationId: null,
      actorId: org.deletionRequestedById,
      action: "organization.deleted",
      targetType: "organization",
      targetId: organizationId,
      data: { name: org.name, interviews: invitations.length },
    });
  });
  return { deleted: true, interviews: invitations.length };
}
