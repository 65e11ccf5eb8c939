import type { SessionUser } from "../auth/session-user";
import { audit } from "../audit/log";
import { requireQuota } from "../billing/quota";
import type { Db, Prisma } from "../db/client";
import { DomainError, notFound } from "../errors";

const ORGANIZATION_SETTINGS = "/settings/organization";

/**
 * A join code only asks: the newcomer becomes HR of the organization once an owner approves, so a
 * code that leaks (a forwarded email, a screenshot) gives nobody the candidates' recordings.
 * The seat is checked now, to say at once when the plan is full, and again at approval.
 */
export async function requestToJoin(tx: Prisma.TransactionClient, user: SessionUser, organization: { id: string; name: string }) {
  await requireQuota(tx, organization.id, "hrSeats");
  // One pending request at a time: a newcomer who tries another code withdraws the first.
  await tx.joinRequest.deleteMany({ where: { userId: user.id, status: "PENDING", organizationId: { not: organization.id } } });
  await tx.joinRequest.upsert({
    where: { organizationId_userId: { organizationId: organization.id, userId: user.id } },
    create: { organizationId: organization.id, userId: user.id },
    update: { status: "PENDING", decidedById: null, decidedAt: null },
  });
  const owners = await tx.membership.findMany({ where: { organizationId: organization.id, orgRole: "OWNER" }, select: { userId: true } });
  const who = user.name ? `${user.name} (${user.email})` : user.email;
  await tx.notification.createMany({
    data: owners.map((o) => ({
      userId: o.userId,
      organizationId: organization.id,
      type: "organization.join_requested",
      title: `${who} asks to join ${organization.name}`,
      body: "They entered your organization's join code. Approve them to give them HR access, or decline.",
      link: ORGANIZATION_SETTINGS,
    })),
  });
  await audit(tx, { organizationId: organization.id, actorId: user.id, action: "organization.join_requested", targetType: "user", targetId: user.id });
  return { role: null, organizationId: null, pendingOrganization: organization.name };
}

/** Choosing another way (candidate, or an organization of one's own) withdraws a pending request. */
export async function withdrawPendingRequests(tx: Prisma.TransactionClient, userId: string) {
  await tx.joinRequest.deleteMany({ where: { userId, status: "PENDING" } });
}

export async function listJoinRequests(db: Db, organizationId: string) {
  const rows = await db.joinRequest.findMany({
    where: { organizationId, status: "PENDING" },
    orderBy: { createdAt: "asc" },
    select: { createdAt: true, user: { select: { id: true, email: true, name: true } } },
  });
  return rows.map((r) => ({ userId: r.user.id, email: r.user.email, name: r.user.name, requestedAt: r.createdAt }));
}

async function pendingRequest(tx: Prisma.TransactionClient, organizationId: string, userId: string) {
  // Locked: two owners deciding at once must not both act on it.
  const [row] = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM join_requests WHERE "organizationId" = ${organizationId} AND "userId" = ${userId} AND status = 'PENDING' FOR UPDATE`;
  if (!row) throw notFound("That join request");
  return row.id;
}

export async function approveJoin(db: Db, actor: SessionUser, organizationId: string, userId: string) {
  return db.$transaction(async (tx) => {
    const requestId = await pendingRequest(tx, organizationId, userId);
    const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { role: true, memberships: { select: { id: true } } } });
    if (user.role === "CANDIDATE" || user.role === "ADMIN" || user.memberships.length > 0) {
      throw new DomainError("CONFLICT", "They have chosen another way to use the app since they asked.");
    }
    await requireQuota(tx, organizationId, "hrSeats");
    await tx.user.update({ where: { id: userId }, data: { role: "HR" } });
    await tx.membership.create({ data: { userId, organizationId, role: "HR", orgRole: "MEMBER" } });
    await tx.joinRequest.update({ where: { id: requestId }, data: { status: "APPROVED", decidedById: actor.id, decidedAt: new Date() } });
    const org = await tx.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { name: true } });
    await tx.notification.create({
      data: {
        userId,
        organizationId,
        type: "organization.join_approved",
        title: `You are now a member of ${org.name}`,
        body: "An owner approved your request. Your organization's templates and interviews are open to you.",
        link: "/dashboard",
      },
    });
    await audit(tx, { organizationId, actorId: actor.id, action: "organization.join_approved", targetType: "user", targetId: userId });
    return { userId, status: "APPROVED" as const };
  });
}

export async function declineJoin(db: Db, actor: SessionUser, organizationId: string, userId: string) {
  return db.$transaction(async (tx) => {
    const requestId = await pendingRequest(tx, organizationId, userId);
    await tx.joinRequest.update({ where: { id: requestId }, data: { status: "DECLINED", decidedById: actor.id, decidedAt: new Date() } });
    await audit(tx, { organizationId, actorId: actor.id, action: "organization.join_declined", targetType: "user", targetId: userId });
    return { userId, status: "DECLINED" as const };
  });
}

/** What the newcomer waiting at onboarding sees: their latest request that is still undecided or was declined. */
export async function myJoinRequest(db: Db, user: SessionUser) {
  const row = await db.joinRequest.findFirst({
    where: { userId: user.id, status: { in: ["PENDING", "DECLINED"] } },
    orderBy: { updatedAt: "desc" },
    select: { status: true, createdAt: true, organization: { select: { name: true } } },
  });
  return row ? { organizationName: row.organization.name, status: row.status, requestedAt: row.createdAt } : null;
}

export async function cancelJoinRequest(db: Db, user: SessionUser) {
  return db.$transaction(async (tx) => {
    const pending = await tx.joinRequest.findMany({ where: { userId: user.id, status: "PENDING" }, select: { organizationId: true } });
    await withdrawPendingRequests(tx, user.id);
    for (const p of pending) {
      await audit(tx, { organizationId: p.organizationId, actorId: user.id, action: "organization.join_withdrawn", targetType: "user", targetId: user.id });
    }
    return { withdrawn: pending.length };
  });
}
