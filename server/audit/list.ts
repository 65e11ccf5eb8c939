import type { Db, Prisma } from "../db/client";
import { scopedCursor } from "../db/cursor";
import type { AuditLogInput } from "../review/analysis.schema";

/** One organization's audit log, newest first, a page at a time; with the actions it contains, for the filter. */
export async function listAuditLog(db: Db, organizationId: string, input: AuditLogInput) {
  const where: Prisma.AuditLogWhereInput = { organizationId, ...(input.action ? { action: input.action } : {}) };
  const page = await scopedCursor(input.cursor, (id) => db.auditLog.findFirst({ where: { id, organizationId }, select: { id: true } }));
  const [rows, actions] = await Promise.all([
    db.auditLog.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: input.take + 1,
      ...page,
      select: {
        id: true,
        action: true,
        targetType: true,
        targetId: true,
        data: true,
        createdAt: true,
        actor: { select: { id: true, name: true, email: true } },
      },
    }),
    db.auditLog.groupBy({ by: ["action"], where: { organizationId }, orderBy: { action: "asc" } }),
  ]);
  const hasMore = rows.length > input.take;
  const items = hasMore ? rows.slice(0, input.take) : rows;
  return { items, actions: actions.map((a) => a.action), nextCursor: hasMore ? items.at(-1)!.id : null };
}
