import { randomBytes } from "node:crypto";
import type { SessionUser } from "../auth/session-user";
import { audit } from "../audit/log";
import { Prisma, type Db } from "../db/client";
import { requireQuota } from "../billing/quota";
import { DomainError, notFound } from "../errors";
import { deleteIntroFiles } from "./intro-files";
import { getTemplate } from "./queries";
import { LIMITS, publishBlockers, type RubricItemInput, type TemplateInput, type UpdateTemplateInput } from "./templates.schema";

type Tx = Prisma.TransactionClient;
type Actor = Pick<SessionUser, "id">;
type QuestionValues = Pick<
  Prisma.QuestionCreateManyInput,
  "prompt" | "type" | "timeLimitSec" | "thinkTimeSec" | "retakes" | "maxChars" | "criteria" | "scoreByKey" | "required"
> & {
  options?: readonly { id?: string; text: string; correct: boolean }[] | null;
};

/**
 * Locks the organization's template row for the rest of the transaction, so an edit, a delete and a
 * new invitation's snapshot (ensureTemplateVersion) never interleave. Another organization's
 * template is not found.
 */
export async function lockTemplate(tx: Tx, organizationId: string, id: string) {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM templates WHERE id = ${id} AND "organizationId" = ${organizationId} FOR UPDATE`;
  if (!rows.length) throw notFound("The interview template");
  return tx.template.findUniqueOrThrow({ where: { id }, select: { id: true, title: true, status: true, questions: { select: { id: true } } } });
}

// Competency ids outlive edits: reviewers' overrides name them, so only new competencies get one.
function withCompetencyIds(rubric: RubricItemInput[]) {
  const taken = new Set(rubric.flatMap((c) => (c.id ? [c.id] : [])));
  return rubric.map(({ id, competency, weight, looksFor }) => {
    if (id) return { id, competency, weight, looksFor };
    let fresh: string;
    do fresh = `c_${randomBytes(4).toString("hex")}`;
    while (taken.has(fresh));
    taken.add(fresh);
    return { id: fresh, competency, weight, looksFor };
  });
}

// Option ids outlive edits like question ids: a candidate's choices name them, so only new options get one.
function withOptionIds(options: QuestionValues["options"]) {
  if (!options) return Prisma.DbNull;
  const taken = new Set(options.flatMap((o) => (o.id ? [o.id] : [])));
  return options.map(({ id, text, correct }) => {
    if (id) return { id, text, correct };
    let fresh: string;
    do fresh = `o_${randomBytes(4).toString("hex")}`;
    while (taken.has(fresh));
    taken.add(fresh);
    return { id: fresh, text, correct };
  });
}

export function questionData(
  { prompt, type, timeLimitSec, thinkTimeSec, retakes, maxChars, criteria, options, scoreByKey, required }: QuestionValues,
  position: number,
) {
  return { position, prompt, type, timeLimitSec, thinkTimeSec, retakes, maxChars, criteria, options: withOptionIds(options), scoreByKey, required };
}

export async function createTemplate(db: Db, actor: Actor, organizationId: string, input: TemplateInput) {
  return db.$transaction(async (tx) => {
    await requireQuota(tx, organizationId, "activeTemplates");
    const { id } = await tx.template.create({
      data: {
        organizationId,
        createdById: actor.id,
        title: input.title,
        description: input.description,
        rubric: withCompetencyIds(input.rubric),
        questions: { create: input.questions.map(questionData) },
      },
      select: { id: true },
    });
    await audit(tx, { organizationId, actorId: actor.id, action: "template.created", targetType: "template", targetId: id, data: { title: input.title } });
    return getTemplate(tx, organizationId, id);
  });
}

/**
 * Saves the editor's whole template. Questions that come back with their id keep it (responses and
 * versions refer to question ids); the others are new, and the ones left out are removed.
 * Invitations already sent are untouched: they point at a TemplateVersion.
 */
export async function updateTemplate(db: Db, actor: Actor, organizationId: string, input: UpdateTemplateInput) {
  return db.$transaction(async (tx) => {
    const current = await lockTemplate(tx, organizationId, input.id);
    if (current.status === "ARCHIVED") throw new DomainError("CONFLICT", "This template is archived: unarchive it before editing.");
    if (current.status === "PUBLISHED") {
      const blocker = Object.values(publishBlockers(input))[0];
      if (blocker) throw new DomainError("BAD_REQUEST", `${blocker}: a published template must stay complete. Unpublish it to save it unfinished.`);
    }
    const existing = new Set(current.questions.map((q) => q.id));
    const kept = new Set(input.questions.flatMap((q) => (q.id && existing.has(q.id) ? [q.id] : [])));
    const removed = await tx.question.deleteMany({ where: { templateId: input.id, id: { notIn: [...kept] } } });
    let added = 0;
    for (const [position, q] of input.questions.entries()) {
      if (q.id && kept.has(q.id)) {
        await tx.question.update({ where: { id: q.id }, data: questionData(q, position) });
      } else {
        await tx.question.create({ data: { templateId: input.id, ...questionData(q, position) } });
        added += 1;
      }
    }
    await tx.template.update({
      where: { id: input.id },
      data: { title: input.title, description: input.description, rubric: withCompetencyIds(input.rubric) },
    });
    await audit(tx, {
      organizationId,
      actorId: actor.id,
      action: "template.updated",
      targetType: "template",
      targetId: input.id,
      data: { questions: input.questions.length, added, removed: removed.count },
    });
    return getTemplate(tx, organizationId, input.id);
  });
}

/** A draft copy to start a similar interview from; the copy has its own question ids and no versions. */
export async function duplicateTemplate(db: Db, actor: Actor, organizationId: string, id: string) {
  return db.$transaction(async (tx) => {
    const source = await getTemplate(tx, organizationId, id);
    await requireQuota(tx, organizationId, "activeTemplates");
    const title = `Copy of ${source.title}`.slice(0, LIMITS.title);
    const copy = await tx.template.create({
      data: {
        organizationId,
        createdById: actor.id,
        title,
        description: source.description,
        rubric: source.rubric,
        introText: source.introText,
        settings: source.settings,
        questions: { create: source.questions.map((q, position) => questionData(q, position)) },
      },
      select: { id: true, title: true },
    });
    await audit(tx, {
      organizationId,
      actorId: actor.id,
      action: "template.created",
      targetType: "template",
      targetId: copy.id,
      data: { title, duplicatedFrom: id },
    });
    return copy;
  });
}

/** Only a template nobody was invited to can go: invitations keep their interviews through it. */
export async function deleteTemplate(db: Db, actor: Actor, organizationId: string, id: string) {
  const { files } = await db.$transaction(async (tx) => {
    const template = await lockTemplate(tx, organizationId, id);
    const invitations = await tx.invitation.count({ where: { templateId: id } });
    if (invitations) {
      throw new DomainError(
        "CONFLICT",
        `“${template.title}” has ${invitations} invitation${invitations === 1 ? "" : "s"}, so it cannot be deleted without losing those interviews. Archive it instead: it disappears from new invitations and its interviews stay.`,
      );
    }
    // The intro video's rows go with the template (cascade); its files are removed once that committed.
    const files = await tx.mediaAsset.findMany({ where: { templateId: id }, select: { storageDriver: true, storageKey: true } });
    await tx.template.delete({ where: { id } });
    await audit(tx, { organizationId, actorId: actor.id, action: "template.deleted", targetType: "template", targetId: id, data: { title: template.title } });
    return { files };
  });
  await deleteIntroFiles(files);
  return { id };
}
