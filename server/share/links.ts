import { audit } from "../audit/log";
import type { Db } from "../db/client";
import { DomainError, notFound } from "../errors";
import type { CreateShareInput, ListSharesInput, RevokeShareInput } from "./share.schema";
import { createShareToken, sharePath } from "./token";

const DAY_MS = 86_400_000;

export type ShareLinkState = "active" | "expired" | "revoked";

export function shareLinkState(link: { expiresAt: Date; revokedAt: Date | null }, now: Date): ShareLinkState {
  if (link.revokedAt) return "revoked";
  return link.expiresAt <= now ? "expired" : "active";
}

/**
 * A read-only link to one completed interview for someone outside the organization. The token is
 * returned once, here; only its hash is kept. Written to the audit log with the link's expiry.
 */
export async function createShareLink(db: Db, actorId: string, organizationId: string, input: CreateShareInput, now: Date = new Date()) {
  return db.$transaction(async (tx) => {
    const invitation = await tx.invitation.findFirst({ where: { id: input.invitationId, organizationId }, select: { id: true, completedAt: true } });
    if (!invitation) throw notFound("The interview");
    if (!invitation.completedAt) throw new DomainError("BAD_REQUEST", "Share an interview once the candidate has completed it.");
    const { token, hash } = createShareToken();
    const expiresAt = new Date(now.getTime() + input.days * DAY_MS);
    const link = await tx.shareLink.create({
      data: { organizationId, invitationId: invitation.id, tokenHash: hash, createdById: actorId, expiresAt, createdAt: now },
      select: { id: true, expiresAt: true },
    });
    await audit(tx, {
      organizationId,
      actorId,
      action: "share.created",
      targetType: "invitation",
      targetId: invitation.id,
      data: { shareLinkId: link.id, days: input.days, expiresAt: expiresAt.toISOString() },
    });
    return { id: link.id, expiresAt: link.expiresAt, path: sharePath(token) };
  });
}

/** The interview's share links, newest first, with their state and use; never their tokens. */
export async function listShareLinks(db: Db, organizationId: string, input: ListSharesInput, now: Date = new Date()) {
  const invitation = await db.invitation.findFirst({ where: { id: input.invitationId, organizationId }, select: { id: true } });
  if (!invitation) throw notFound("The interview");
  const rows = await db.shareLink.findMany({
    where: { invitationId: invitation.id, organizationId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: {
      id: true,
      createdAt: true,
      expiresAt: true,
      revokedAt: true,
      viewCount: true,
      lastViewedAt: true,
      createdBy: { select: { name: true, email: true } },
    },
  });
  return rows.map(({ createdBy, ...l }) => ({ ...l, createdBy: createdBy ? (createdBy.name ?? createdBy.email) : null, state: shareLinkState(l, now) }));
}

/** Stops a share link at once; revoking a revoked link changes nothing and logs nothing. */
export async function revokeShareLink(db: Db, actorId: string, organizationId: string, input: RevokeShareInput, now: Date = new Date()) {
  return db.$transaction(async (tx) => {
    const link = await tx.shareLink.findFirst({ where: { id: input.shareLinkId, organizationId }, select: { id: true, invitationId: true, revokedAt: true } });
    if (!link) throw notFound("The share link");
    if (link.revokedAt) return { id: link.id, revokedAt: link.revokedAt };
    await tx.shareLink.update({ where: { id: link.id }, data: { revokedAt: now, revokedById: actorId } });
    await audit(tx, {
      organizationId,
      actorId,
      action: "share.revoked",
      targetType: "invitation",
      targetId: link.invitationId,
      data: { shareLinkId: link.id },
    });
    return { id: link.id, revokedAt: now };
  });
}
