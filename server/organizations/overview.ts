import type { Db } from "../db/client";

/** The HR dashboard's numbers, all scoped to one organization. */
export async function organizationOverview(db: Db, organizationId: string) {
  const [templates, byStatus, recent] = await Promise.all([
    db.template.groupBy({ by: ["status"], where: { organizationId }, _count: { _all: true } }),
    db.invitation.groupBy({ by: ["status"], where: { organizationId }, _count: { _all: true } }),
    db.template.findMany({
      where: { organizationId, status: { not: "ARCHIVED" } },
      orderBy: { updatedAt: "desc" },
      take: 5,
      select: { id: true, title: true, status: true, updatedAt: true, _count: { select: { questions: true, invitations: true } } },
    }),
  ]);
  const count = <T extends string>(rows: { status: T; _count: { _all: number } }[]) =>
    Object.fromEntries(rows.map((r) => [r.status, r._count._all])) as Partial<Record<T, number>>;
  return { templates: count(templates), invitations: count(byStatus), recentTemplates: recent };
}
