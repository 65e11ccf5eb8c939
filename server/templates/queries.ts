import type { Db, Prisma } from "../db/client";
import { scopedCursor } from "../db/cursor";
import { notFound } from "../errors";
import type { ListTemplatesInput } from "./templates.schema";
import { readOptions, readRubric } from "./versions";
import { effectiveSettings } from "../interview/interview-settings";
import { readStoredSettings } from "./settings.schema";
import { likeLiteral } from "../db/like";

export async function listTemplates(db: Db, organizationId: string, input: ListTemplatesInput) {
  const where: Prisma.TemplateWhereInput = {
    organizationId,
    ...(input.status === "ALL" ? {} : input.status === "ACTIVE" ? { status: { not: "ARCHIVED" } } : { status: input.status }),
    ...(input.query ? { title: { contains: likeLiteral(input.query), mode: "insensitive" } } : {}),
  };
  const cursor = await scopedCursor(input.cursor, (id) => db.template.findFirst({ where: { id, organizationId }, select: { id: true } }));
  const [rows, total] = await Promise.all([
    db.template.findMany({
      where,
      orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
      take: input.take + 1,
      ...cursor,
      select: { id: true, title: true, status: true, createdAt: true, updatedAt: true, _count: { select: { questions: true, invitations: true } } },
    }),
    db.template.count({ where }),
  ]);
  const hasMore = rows.length > input.take;
  const page = hasMore ? rows.slice(0, input.take) : rows;
  return {
    items: page.map(({ _count, ...t }) => ({ ...t, questionCount: _count.questions, invitationCount: _count.invitations })),
    nextCursor: hasMore ? page.at(-1)!.id : null,
    total,
  };
}

const templateDetailSelect = {
  id: true,
  title: true,
  description: true,
  rubric: true,
  status: true,
  introText: true,
  settings: true,
  createdAt: true,
  updatedAt: true,
  createdBy: { select: { name: true, email: true } },
  questions: {
    orderBy: [{ position: "asc" }, { id: "asc" }],
    select: {
      id: true,
      position: true,
      prompt: true,
      type: true,
      timeLimitSec: true,
      thinkTimeSec: true,
      retakes: true,
      maxChars: true,
      criteria: true,
      options: true,
      scoreByKey: true,
      required: true,
    },
  },
  _count: { select: { invitations: true, versions: true } },
} satisfies Prisma.TemplateSelect;

type TemplateRow = Prisma.TemplateGetPayload<{ select: typeof templateDetailSelect }>;

function toTemplateDetail({ _count, rubric, questions, settings, ...t }: TemplateRow) {
  return {
    ...t,
    settings: effectiveSettings(readStoredSettings(settings), null),
    questions: questions.map((q) => ({ ...q, options: q.type === "MULTIPLE_CHOICE" ? readOptions(q.options) : undefined })),
    // A rubric the app did not write (it is only ever saved through templateInput) opens empty
    // rather than breaking the editor; HR sees it is missing and fills it in.
    rubric: readRubric(rubric) ?? [],
    invitationCount: _count.invitations,
    versionCount: _count.versions,
    canDelete: _count.invitations === 0,
  };
}

export type TemplateDetail = ReturnType<typeof toTemplateDetail>;

export async function getTemplate(db: Pick<Prisma.TransactionClient, "template">, organizationId: string, id: string): Promise<TemplateDetail> {
  const row = await db.template.findFirst({ where: { id, organizationId }, select: templateDetailSelect });
  if (!row) throw notFound("The interview template");
  return toTemplateDetail(row);
}
