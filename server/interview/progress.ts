import type { Db, Prisma } from "../db/client";
import { DomainError, notFound } from "../errors";
import { enqueueEvent } from "../events/outbox";
import { effectiveStatus, isOpenStatus, OPEN_STATUSES } from "../invitations/status";
import { templateSnapshotSchema } from "../templates/versions";
import { assertAnswerable, invitationByToken, type TokenInvitation } from "./access";
import type { InterviewTokenInput } from "./interview.schema";
import { CANDIDATE_TRANSACTION } from "./transaction";

type Tx = Prisma.TransactionClient;

/** The interview is under way from now on; starting it again changes nothing. */
export async function markStarted(tx: Pick<Tx, "invitation">, invitation: TokenInvitation, now: Date) {
  if (invitation.startedAt && invitation.status === "IN_PROGRESS") return;
  await tx.invitation.updateMany({
    where: { id: invitation.id, status: { in: [...OPEN_STATUSES] } },
    data: { status: "IN_PROGRESS", startedAt: invitation.startedAt ?? now, openedAt: invitation.openedAt ?? now },
  });
}

/**
 * Completes the interview in the caller's transaction: the status, completedAt and the
 * `interview.completed` event (which starts the analysis and HR's notifications) commit together
 * or not at all. False when it was already closed.
 */
export async function finishInterview(tx: Tx, invitation: Pick<TokenInvitation, "id" | "organizationId">, now: Date): Promise<boolean> {
  const { count } = await tx.invitation.updateMany({
    where: { id: invitation.id, status: { in: [...OPEN_STATUSES] } },
    data: { status: "COMPLETED", completedAt: now },
  });
  if (count) await enqueueEvent(tx, "interview.completed", { invitationId: invitation.id }, invitation.organizationId);
  return count > 0;
}

/** The questions of the interview still unanswered, in the order the candidate answers them. */
async function unansweredQuestions(tx: Tx, invitation: Pick<TokenInvitation, "id" | "templateVersionId">) {
  const version = await tx.templateVersion.findUniqueOrThrow({ where: { id: invitation.templateVersionId }, select: { snapshot: true } });
  const questions = [...templateSnapshotSchema.parse(version.snapshot).questions].sort((a, b) => a.position - b.position);
  const responses = await tx.response.findMany({ where: { invitationId: invitation.id }, select: { questionId: true, submittedAt: true } });
  const open = new Set(responses.filter((r) => !r.submittedAt).map((r) => r.questionId));
  const asked = new Set(responses.map((r) => r.questionId));
  return questions
    .filter((q) => asked.has(q.id))
    .map((q, i) => ({ number: i + 1, prompt: q.prompt, required: q.required ?? true, open: open.has(q.id) }))
    .filter((q) => q.open);
}

const excerpt = (prompt: string) => (prompt.length > 60 ? `${prompt.slice(0, 60)}…` : prompt);

/** Refuses to close an interview while a required question is unanswered, naming each. */
export async function assertCompletable(tx: Tx, invitation: Pick<TokenInvitation, "id" | "templateVersionId">) {
  const missing = (await unansweredQuestions(tx, invitation)).filter((q) => q.required);
  if (!missing.length) return;
  const names = missing.map((q) => `question ${q.number} (“${excerpt(q.prompt)}”)`).join(", ");
  throw new DomainError(
    "PRECONDITION_FAILED",
    `Answer the required question${missing.length === 1 ? "" : "s"} before completing the interview: ${names}. Only optional questions may be left unanswered.`,
  );
}

export type InterviewProgress = { id: string; status: "IN_PROGRESS" | "COMPLETED"; startedAt: Date | null; completedAt: Date | null };

async function progressOf(tx: Pick<Tx, "invitation">, id: string): Promise<InterviewProgress> {
  const row = await tx.invitation.findUniqueOrThrow({ where: { id }, select: { status: true, startedAt: true, completedAt: true } });
  return { id, status: row.status === "COMPLETED" ? "COMPLETED" : "IN_PROGRESS", startedAt: row.startedAt, completedAt: row.completedAt };
}

/** The candidate begins the interview after agreeing to the terms; a started interview stays as it is. */
export async function startInterview(db: Db, input: InterviewTokenInput, now: Date = new Date()): Promise<InterviewProgress> {
  return db.$transaction(async (tx) => {
    const invitation = await invitationByToken(tx, input.token);
    assertAnswerable(invitation, { consent: true }, now);
    await markStarted(tx, invitation, now);
    return progressOf(tx, invitation.id);
  }, CANDIDATE_TRANSACTION);
}

/**
 * The candidate completes the interview, early when only optional questions are left. Completing a
 * completed interview answers the same; a required question unanswered is refused by name.
 */
export async function completeInterview(db: Db, input: InterviewTokenInput, now: Date = new Date()): Promise<InterviewProgress> {
  return db.$transaction(async (tx) => {
    const invitation = await invitationByToken(tx, input.token);
    if (invitation.status === "COMPLETED") return progressOf(tx, invitation.id);
    assertAnswerable(invitation, { consent: true }, now);
    await assertCompletable(tx, invitation);
    await markStarted(tx, invitation, now);
    await finishInterview(tx, invitation, now);
    return progressOf(tx, invitation.id);
  }, CANDIDATE_TRANSACTION);
}

/**
 * HR completes an interview on the candidate's behalf (the public API), under the same rule as the
 * candidate: only optional questions may be left unanswered.
 */
export async function completeInvitation(db: Db, organizationId: string, invitationId: string, now: Date = new Date()): Promise<InterviewProgress> {
  return db.$transaction(async (tx) => {
    const invitation = await tx.invitation.findFirst({
      where: { id: invitationId, organizationId },
      select: { id: true, organizationId: true, templateVersionId: true, status: true, expiresAt: true, consentAt: true },
    });
    if (!invitation) throw notFound("The invitation");
    if (invitation.status === "COMPLETED") return progressOf(tx, invitation.id);
    if (!isOpenStatus(effectiveStatus(invitation, now)))
      throw new DomainError("CONFLICT", "This invitation is closed (cancelled or expired), so it cannot be completed.");
    if (!invitation.consentAt) throw new DomainError("CONFLICT", "The candidate has not started this interview, so there is nothing to complete.");
    await assertCompletable(tx, invitation);
    await finishInterview(tx, invitation, now);
    return progressOf(tx, invitation.id);
  });
}
