import type { Db, Role } from "../db/client";
import type { SessionUser } from "../auth/session-user";
import { audit } from "../audit/log";
import { DomainError, notFound } from "../errors";
import type { AdminListUsersInput } from "./users.schema";
import { likeLiteral } from "../db/like";

export async function listUsers(db: Db, input: AdminListUsersInput) {
  const q = input.query;
  const rows = await db.user.findMany({
    where: {
      status: input.status,
      role: input.role,
      ...(q ? { OR: [{ email: { contains: likeLiteral(q), mode: "insensitive" } }, { name: { contains: likeLiteral(q), mode: "insensitive" } }] } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: input.take + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      status: true,
      createdAt: true,
      suspendedAt: true,
      memberships: { select: { role: true, organization: { select: { id: true, name: true } } } },
      _count: { select: { sessions: true } },
    },
  });
  const hasMore = rows.length > input.take;
  const items = hasMore ? rows.slice(0, input.take) : rows;
  return { items, nextCursor: hasMore ? items.at(-1)!.id : null };
}

async function requireOtherUser(db: Db, actor: SessionUser, userId: string) {
  if (userId === actor.id) throw new DomainError("BAD_REQUEST", "You cannot change your own account here.");
  const target = await db.user.findUnique({ where: { id: userId }, select: { id: true, status: true, role: true } });
  if (!target) throw notFound("The user");
  return target;
}

/** Suspension ends every session at once; the session lookup also refuses the user from now on. */
export async function suspendUser(db: Db, actor: SessionUser, userId: string) {
  await requireOtherUser(db, actor, userId);
  return db.$transaction(async (tx) => {
    const user = await tx.user.update({
      where: { id: userId },
      data: { status: "SUSPENDED", suspendedAt: new Date() },
      select: { id: true, status: true },
    });
    const { count } = await tx.session.deleteMany({ where: { userId } });
    await audit(tx, { actorId: actor.id, action: "user.suspended", targetType: "user", targetId: userId, data: { sessionsEnded: count } });
    return { ...user, sessionsEnded: count };
  });
}

export async function activateUser(db: Db, actor: SessionUser, userId: string) {
  await requireOtherUser(db, actor, userId);
  return db.$transaction(async (tx) => {
    const user = await tx.user.update({ where: { id: userId }, data: { status: "ACTIVE", suspendedAt: null }, select: { id: true, status: true } });
    await audit(tx, { actorId: actor.id, action: "user.activated", targetType: "user", targetId: userId });
    return user;
  });
}

export async function setUserRole(db: Db, actor: SessionUser, userId: string, role: Role) {
  const target = await requireOtherUser(db, actor, userId);
  return db.$transaction(async (tx) => {
    const user = await tx.user.update({ where: { id: userId }, data: { role }, select: { id: true, role: true } });
    await audit(tx, { actorId: actor.id, action: "user.role_changed", targetType: "user", targetId: userId, data: { from: target.role, to: role } });
    return user;
  });
}
