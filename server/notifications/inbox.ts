import type { Db, Prisma } from "../db/client";
import { scopedCursor } from "../db/cursor";
import type { ListNotificationsInput, MarkReadInput } from "./notifications.schema";

// Every query names the user: a notification is only ever its recipient's.

export async function listNotifications(db: Db, userId: string, input: ListNotificationsInput) {
  const where: Prisma.NotificationWhereInput = { userId, ...(input.unreadOnly ? { readAt: null } : {}) };
  const cursor = await scopedCursor(input.cursor, (id) => db.notification.findFirst({ where: { id, userId }, select: { id: true } }));
  const rows = await db.notification.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: input.take + 1,
    ...cursor,
    select: { id: true, type: true, title: true, body: true, link: true, readAt: true, createdAt: true },
  });
  const hasMore = rows.length > input.take;
  const items = hasMore ? rows.slice(0, input.take) : rows;
  return { items, nextCursor: hasMore ? items.at(-1)!.id : null };
}

export function unreadCount(db: Db, userId: string): Promise<number> {
  return db.notification.count({ where: { userId, readAt: null } });
}

/** Marks the given notifications (or all of them) read; ids of someone else's notifications change nothing. */
export async function markRead(db: Db, userId: string, input: MarkReadInput, now: Date = new Date()) {
  const where: Prisma.NotificationWhereInput = { userId, readAt: null, ...("ids" in input ? { id: { in: input.ids } } : {}) };
  const { count } = await db.notification.updateMany({ where, data: { readAt: now } });
  return { marked: count, unread: await unreadCount(db, userId) };
}
