import type { SessionUser } from "../auth/session-user";
import { audit } from "../audit/log";
import type { Db, Prisma } from "../db/client";
import { DomainError } from "../errors";
import { lockTemplate, questionData } from "./editor";
import { getTemplate } from "./queries";
import type { AddQuestionInput, RemoveQuestionInput, ReorderQuestionsInput, UpdateQuestionInput } from "./questions.schema";
import { LIMITS } from "./templates.schema";

type Tx = Prisma.TransactionClient;
type Actor = Pick<SessionUser, "id">;

/**
 * One question at a time, under the same rules as saving the whole template (updateTemplate): the
 * template's row is locked, an archived template is not edited, and a published one keeps at least
 * one question. Invitations already sent keep their TemplateVersion; the next invitation snapshots
 * the edited template as a new version.
 */
async function editable(tx: Tx, organizationId: string, templateId: string) {
  const template = await lockTemplate(tx, organizationId, templateId);
  if (template.status === "ARCHIVED") throw new DomainError("CONFLICT", "This template is archived: unarchive it before editing.");
  const order = await tx.question.findMany({ where: { templateId }, orderBy: [{ position: "asc" }, { id: "asc" }], select: { id: true } });
  return { template, ids: order.map((q) => q.id) };
}

async function renumber(tx: Tx, ids: string[]) {
  for (const [position, id] of ids.entries()) await tx.question.update({ where: { id }, data: { position } });
}

function unknownQuestion(): DomainError {
  return new DomainError("NOT_FOUND", "This question is not part of the template.");
}

async function done(tx: Tx, actor: Actor, organizationId: string, templateId: string, action: string, data: Prisma.InputJsonObject) {
  await tx.template.update({ where: { id: templateId }, data: { updatedAt: new Date() } });
  await audit(tx, { organizationId, actorId: actor.id, action, targetType: "template", targetId: templateId, data });
  return getTemplate(tx, organizationId, templateId);
}

export async function addQuestion(db: Db, actor: Actor, organizationId: string, input: AddQuestionInput) {
  return db.$transaction(async (tx) => {
    const { ids } = await editable(tx, organizationId, input.templateId);
    if (ids.length >= LIMITS.questions) throw new DomainError("BAD_REQUEST", `An interview has at most ${LIMITS.questions} questions.`);
    const at = Math.min(input.position ?? ids.length, ids.length);
    const { id } = await tx.question.create({ data: { templateId: input.templateId, ...questionData(input.question, at) }, select: { id: true } });
    await renumber(tx, [...ids.slice(0, at), id, ...ids.slice(at)]);
    return done(tx, actor, organizationId, input.templateId, "template.question_added", { questionId: id, position: at });
  });
}

export async function updateQuestion(db: Db, actor: Actor, organizationId: string, input: UpdateQuestionInput) {
  return db.$transaction(async (tx) => {
    const { ids } = await editable(tx, organizationId, input.templateId);
    const at = ids.indexOf(input.questionId);
    if (at < 0) throw unknownQuestion();
    await tx.question.update({ where: { id: input.questionId }, data: questionData(input.question, at) });
    return done(tx, actor, organizationId, input.templateId, "template.question_updated", { questionId: input.questionId });
  });
}

export async function removeQuestion(db: Db, actor: Actor, organizationId: string, input: RemoveQuestionInput) {
  return db.$transaction(async (tx) => {
    const { template, ids } = await editable(tx, organizationId, input.templateId);
    if (!ids.includes(input.questionId)) throw unknownQuestion();
    if (template.status === "PUBLISHED" && ids.length === 1)
      throw new DomainError("BAD_REQUEST", "A published template must keep at least one question. Unpublish it to remove its last question.");
    await tx.question.delete({ where: { id: input.questionId } });
    await renumber(
      tx,
      ids.filter((id) => id !== input.questionId),
    );
    return done(tx, actor, organizationId, input.templateId, "template.question_removed", { questionId: input.questionId });
  });
}

/** The new order must name every question of the template exactly once (duplicates are refused by the schema). */
export async function reorderQuestions(db: Db, actor: Actor, organizationId: string, input: ReorderQuestionsInput) {
  return db.$transaction(async (tx) => {
    const { ids } = await editable(tx, organizationId, input.templateId);
    const current = new Set(ids);
    const unknown = input.questionIds.filter((id) => !current.has(id));
    if (unknown.length)
      throw new DomainError("BAD_REQUEST", `Not questions of this template: ${unknown.join(", ")}. List only the template's own question ids.`);
    const listed = new Set(input.questionIds);
    const missing = ids.filter((id) => !listed.has(id));
    if (missing.length) throw new DomainError("BAD_REQUEST", `The new order leaves out ${missing.join(", ")}: list every question of the template once.`);
    await renumber(tx, input.questionIds);
    return done(tx, actor, organizationId, input.templateId, "template.questions_reordered", { questionIds: input.questionIds });
  });
}
