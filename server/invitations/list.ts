import type { Db, Prisma } from "../db/client";
import { scopedCursor } from "../db/cursor";
import type { ListInvitationsInput } from "./invitations.schema";
import { effectiveStatus, isOpenStatus, OPEN_STATUSES, type InvitationStatusValue } from "./status";
import { likeLiteral } from "../db/like";

// Filters on the status as effectiveStatus reports it, so the list never disagrees with its badges
// before the background clean-up has run.
function statusWhere(status: InvitationStatusValue | undefined, now: Date): Prisma.InvitationWhereInput {
  if (!status) return {};
  if (status === "EXPIRED") return { OR: [{ status: "EXPIRED" }, { status: { in: [...OPEN_STATUSES] }, expiresAt: { lte: now } }] };
  if (isOpenStatus(status)) return { status, expiresAt: { gt: now } };
  return { status };
}

export async function listInvitations(db: Db, organizationId: string, input: ListInvitationsInput, now: Date = new Date()) {
  const q = input.query;
  const where: Prisma.InvitationWhereInput = {
    organizationId,
    templateId: input.templateId,
    AND: [
      statusWhere(input.status, now),
      q
        ? { OR: [{ candidateName: { contains: likeLiteral(q), mode: "insensitive" } }, { candidateEmail: { contains: likeLiteral(q), mode: "insensitive" } }] }
        : {},
    ],
  };
  const cursor = await scopedCursor(input.cursor, (id) => db.invitation.findFirst({ where: { id, organizationId }, select: { id: true } }));
  const [rows, total] = await Promise.all([
    db.invitation.findMany({
      where,
      orderBy: [{ sentAt: "desc" }, { id: "desc" }],
      take: input.take + 1,
      ...cursor,
      select: {
        id: true,
        candidateName: true,
        candidateEmail: true,
        status: true,
        sentAt: true,
        expiresAt: true,
        completedAt: true,
        remindedAt: true,
        lastSeenAt: true,
        template: { select: { id: true, title: true } },
        templateVersion: { select: { version: true } },
        responses: { select: { submittedAt: true } },
      },
    }),
    db.invitation.count({ where }),
  ]);
  const hasMore = rows.length > input.take;
  const page = hasMore ? rows.slice(0, input.take) : rows;
  const items = page.map(({ responses, templateVersion, ...row }) => ({
    ...row,
    status: effectiveStatus(row, now),
    version: templateVersion.version,
    answered: responses.filter((r) => r.submittedAt).length,
    questions: responses.length,
  }));
  return { items, total, nextCursor: hasMore ? page.at(-1)!.id : null };
}

/** Templates for the invite form (published ones) and for the list's filter (any with invitations). */
export async function invitationTemplateOptions(db: Db, organizationId: string) {
  const rows = await db.template.findMany({
    where: { organizationId, OR: [{ status: "PUBLISHED" }, { invitations: { some: {} } }] },
    orderBy: [{ title: "asc" }, { id: "asc" }],
    select: { id: true, title: true, status: true, _count: { select: { questions: true } } },
  });
  return rows.map(({ _count, ...t }) => ({ ...t, questionCount: _count.questions }));
}
