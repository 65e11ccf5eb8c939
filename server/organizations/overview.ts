import type { Db } from "../db/client";

/** The HR dashboard's templates, scoped to one organization; its inbox is review.inbox. */
export async function organizationOverview(db: Db, organizationId: string) {
  const [templates, recent] = await Promise.all([
    db.template.groupBy({ by: ["status"], where: { organizationId }, _count: { _all: true } }),
    db.template.findMany({
      where: { organizationId, status: { not: "ARCHIVED" } },
      orderBy: { updatedAt: "desc" },
      take: 5,
      select: { id: true, title: true, status: true, updatedAt: true, _count: { select: { questions: true, invitations: true } } },
    }),
  ]);
  const byStatus = Object.fromEntries(templates.map((r) => [r.status, r._count._all])) as Partial<Record<(typeof templates)[number]["status"], number>>;
  return { templates: byStatus, recentTemplates: recent };
}
