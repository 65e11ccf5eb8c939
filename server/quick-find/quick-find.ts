import type { Db } from "../db/client";
import type { QuickFindResult } from "./quick-find.schema";
import { likeLiteral } from "../db/like";

/** Enough to jump to; a longer list belongs on the invitations or templates page. */
const LIMIT = 6;

/** Candidates (by name or email) and templates (by title) of one organization whose text contains `query`. */
export async function quickFind(db: Db, organizationId: string, query: string): Promise<QuickFindResult> {
  const contains = { contains: likeLiteral(query), mode: "insensitive" as const };
  const [invitations, templates] = await Promise.all([
    db.invitation.findMany({
      where: { organizationId, OR: [{ candidateName: contains }, { candidateEmail: contains }] },
      orderBy: [{ sentAt: "desc" }, { id: "desc" }],
      take: LIMIT,
      select: { id: true, candidateName: true, candidateEmail: true, template: { select: { title: true } } },
    }),
    db.template.findMany({
      where: { organizationId, title: contains },
      // Archived templates last: they are rarely what HR is looking for.
      orderBy: [{ status: "asc" }, { updatedAt: "desc" }],
      take: LIMIT,
      select: { id: true, title: true, status: true },
    }),
  ]);
  return {
    candidates: invitations.map((i) => ({
      id: i.id,
      name: i.candidateName,
      email: i.candidateEmail,
      templateTitle: i.template.title,
      href: `/interviews/${i.id}`,
    })),
    templates: templates.map((t) => ({ ...t, href: `/templates/${t.id}` })),
  };
}
