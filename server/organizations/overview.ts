import type { Db } from "../db/client";
import { needsAttention } from "./attention";

/** The HR dashboard: what needs attention and the templates, all scoped to one organization. */
export async function organizationOverview(db: Db, organizationId: string, now: Date = new Date()) {
  const [templates, recent, attention] = await Promise.all([
    db.template.groupBy({ by: ["status"], where: { organizationId }, _count: { _all: true } }),
    db.template.findMany({
      where: { organizationId, status: { not: "ARCHIVED" } },
      orderBy: { updatedAt: "desc" },
      take: 5,
      select: { id: true, title: true, status: true, updatedAt: true, _count: { select: { questions: true, invitations: true } } },
    }),
    needsAttention(db, organizationId, now),
  ]);
  const byStatus = Object.fromEntries(templates.map((r) => [r.status, r._count._all])) as Partial<Record<(typeof templates)[number]["status"], number>>;
  return { templates: byStatus, recentTemplates: recent, attention };
}
