import type { Db, Prisma } from "../db/client";
import { DomainError } from "../errors";
import { enqueueEvent } from "../events/outbox";
import { templateSnapshotSchema } from "../templates/versions";
import { assertAnswerable, invitationByToken, type TokenInvitation } from "./access";
import { questionLimits, textLimit } from "./interview-rules";
import { allowsSeveral, choiceText, scoreByKey } from "./choices";
import type { StartTakeInput, SubmitChoicesInput, SubmitTextInput, SubmitVideoInput } from "./interview.schema";
import { assertWithinTimeLimit } from "./time-limit";
import { finishInterview, markStarted } from "./progress";
import { CANDIDATE_TRANSACTION } from "./transaction";

type Tx = Prisma.TransactionClient;

async function snapshotQuestion(tx: Pick<Tx, "templateVersion">, invitation: TokenInvitation, questionId: string) {
  const version = await tx.templateVersion.findUniqueOrThrow({ where: { id: invitation.templateVersionId }, select: { snapshot: true } });
  const question = templateSnapshotSchema.parse(version.snapshot).questions.find((q) => q.id === questionId);
  if (!question) throw new DomainError("NOT_FOUND", "This question is no longer part of your interview.");
  return question;
}

async function ownResponse(tx: Pick<Tx, "response">, invitation: TokenInvitation, responseId: string) {
  const response = await tx.response.findFirst({ where: { id: responseId, invitationId: invitation.id } });
  if (!response) throw new DomainError("NOT_FOUND", "This question is not part of your interview.");
  if (response.submittedAt) throw new DomainError("CONFLICT", "This answer has already been submitted.");
  return response;
}

/** Completes the interview when this was its last unanswered question, in the caller's transaction. */
async function completeIfAllAnswered(tx: Tx, invitation: TokenInvitation, now: Date): Promise<boolean> {
  const unanswered = await tx.response.count({ where: { invitationId: invitation.id, submittedAt: null } });
  if (unanswered > 0) return false;
  return finishInterview(tx, invitation, now);
}

/** Re-read inside the transaction: HR may have cancelled, or the link expired, since the request began. */
async function freshInvitation(tx: Tx, token: string, now: Date) {
  const invitation = await invitationByToken(tx, token);
  assertAnswerable(invitation, { consent: true }, now);
  return invitation;
}

export type StartedTake = { take: number; takesAllowed: number };

/**
 * Reserves the next recording of a video question before the browser records it. Takes are
 * counted here, so the limit (the first recording plus the question's retakes) holds whatever the
 * client does. A take that never got a byte to the server (the camera failed, the page closed at
 * once) is handed out again rather than counted twice.
 */
export async function startTake(db: Db, input: StartTakeInput, now: Date = new Date()): Promise<StartedTake> {
  return db.$transaction(async (tx) => {
    const invitation = await freshInvitation(tx, input.token, now);
    const response = await ownResponse(tx, invitation, input.responseId);
    if (response.type !== "VIDEO") throw new DomainError("BAD_REQUEST", "This question takes a written answer, not a recording.");
    await assertWithinTimeLimit(tx, invitation, now);
    const allowed = questionLimits(await snapshotQuestion(tx, invitation, response.questionId), invitation).takesAllowed;

    if (response.takesUsed > 0) {
      const latest = await tx.uploadSession.findUnique({
        where: { responseId_take: { responseId: response.id, take: response.takesUsed } },
        select: { status: true, receivedBytes: true },
      });
      if (!latest || (latest.status === "OPEN" && latest.receivedBytes === BigInt(0))) {
        await markStarted(tx, invitation, now);
        return { take: response.takesUsed, takesAllowed: allowed };
      }
    }
    if (response.takesUsed >= allowed) {
      throw new DomainError(
        "PRECONDITION_FAILED",
        allowed === 1
          ? "This question allows one recording, and you have made it. Submit it to continue."
          : `This question allows ${allowed} recordings, and you have made all of them. Submit your last one to continue.`,
      );
    }
    // Conditional on the count read above: two tabs starting at once cannot both get the last take.
    const { count } = await tx.response.updateMany({
      where: { id: response.id, takesUsed: response.takesUsed, submittedAt: null },
      data: { takesUsed: { increment: 1 }, status: "UPLOADING", failureReason: null },
    });
    if (!count) throw new DomainError("CONFLICT", "This question changed in another window. Reload the page to continue.");
    await markStarted(tx, invitation, now);
    return { take: response.takesUsed + 1, takesAllowed: allowed };
  });
}

export type SubmittedAnswer = {
  responseId: string;
  status: "UPLOADED" | "FAILED";
  durationMs: number | null;
  failureReason: string | null;
  /** True when this answer was the interview's last. */
  completed: boolean;
};

/** A written answer, within the question's character limit, submitted once; sending the same text again answers as the first time did. */
export async function submitText(db: Db, input: SubmitTextInput, now: Date = new Date()): Promise<SubmittedAnswer> {
  return db.$transaction(async (tx) => {
    const invitation = await invitationByToken(tx, input.token);
    const response = await tx.response.findFirst({ where: { id: input.responseId, invitationId: invitation.id } });
    if (!response) throw new DomainError("NOT_FOUND", "This question is not part of your interview.");
    // The same text sent again is the retry of a submit whose reply was lost.
    if (response.type === "TEXT" && response.submittedAt && response.textAnswer === input.text.trim()) return submittedAlready(response, invitation);
    if (response.submittedAt) throw new DomainError("CONFLICT", "This answer has already been submitted.");
    assertAnswerable(invitation, { consent: true }, now);
    if (response.type !== "TEXT") throw new DomainError("BAD_REQUEST", "This question takes a recorded answer, not text.");
    await assertWithinTimeLimit(tx, invitation, now);
    const limit = textLimit((await snapshotQuestion(tx, invitation, response.questionId)).maxChars);
    if (input.text.length > limit) {
      throw new DomainError("BAD_REQUEST", `Your answer is ${input.text.length} characters long; this question allows at most ${limit}.`);
    }
    const { count } = await tx.response.updateMany({
      where: { id: response.id, submittedAt: null },
      data: { textAnswer: input.text.trim(), status: "UPLOADED", submittedAt: now, failureReason: null },
    });
    if (!count) throw new DomainError("CONFLICT", "This answer has already been submitted.");
    await markStarted(tx, invitation, now);
    await enqueueEvent(tx, "response.submitted", { responseId: response.id, invitationId: invitation.id }, invitation.organizationId);
    const completed = await completeIfAllAnswered(tx, invitation, now);
    return { responseId: response.id, status: "UPLOADED", durationMs: null, failureReason: null, completed };
  }, CANDIDATE_TRANSACTION);
}

const sameChoices = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((id) => b.includes(id));

/**
 * A multiple-choice answer: option ids of the question as sent, one unless the key has several, submitted
 * once. The key's points are worked out here from the snapshot, never from what the browser says, and
 * the chosen options' words are kept as the answer's text for review, search and the CSV.
 */
export async function submitChoices(db: Db, input: SubmitChoicesInput, now: Date = new Date()): Promise<SubmittedAnswer> {
  return db.$transaction(async (tx) => {
    const invitation = await invitationByToken(tx, input.token);
    const response = await tx.response.findFirst({ where: { id: input.responseId, invitationId: invitation.id } });
    if (!response) throw new DomainError("NOT_FOUND", "This question is not part of your interview.");
    if (response.type === "MULTIPLE_CHOICE" && response.submittedAt && sameChoices(response.choices, input.choices))
      return submittedAlready(response, invitation);
    if (response.submittedAt) throw new DomainError("CONFLICT", "This answer has already been submitted.");
    assertAnswerable(invitation, { consent: true }, now);
    if (response.type !== "MULTIPLE_CHOICE") throw new DomainError("BAD_REQUEST", "This question does not take a choice of options.");
    await assertWithinTimeLimit(tx, invitation, now);
    const question = await snapshotQuestion(tx, invitation, response.questionId);
    const options = question.options ?? [];
    const known = new Set(options.map((o) => o.id));
    if (input.choices.some((id) => !known.has(id)))
      throw new DomainError("BAD_REQUEST", "One of the chosen options is not part of this question. Reload the page.");
    if (!allowsSeveral(options) && input.choices.length > 1) throw new DomainError("BAD_REQUEST", "Choose one option for this question.");
    const keyScore = question.scoreByKey ? scoreByKey(options, input.choices).score : null;
    const { count } = await tx.response.updateMany({
      where: { id: response.id, submittedAt: null },
      data: { choices: input.choices, keyScore, textAnswer: choiceText(options, input.choices), status: "UPLOADED", submittedAt: now, failureReason: null },
    });
    if (!count) throw new DomainError("CONFLICT", "This answer has already been submitted.");
    await markStarted(tx, invitation, now);
    await enqueueEvent(tx, "response.submitted", { responseId: response.id, invitationId: invitation.id }, invitation.organizationId);
    const completed = await completeIfAllAnswered(tx, invitation, now);
    return { responseId: response.id, status: "UPLOADED", durationMs: null, failureReason: null, completed };
  }, CANDIDATE_TRANSACTION);
}

/**
 * Submits the newest recording of a video question once its upload is complete, and returns at
 * once: nothing is decoded here. The pipeline's probe measures the recording's true length (it
 * decodes the file anyway), and a file that does not decode ends there FAILED with the reason, so
 * HR sees what happened and the interview still finishes. A retry of a submit that went through
 * (its reply lost, or a timeout) gets the same answer, never an error.
 */
export async function submitVideo(db: Db, input: SubmitVideoInput, now: Date = new Date()): Promise<SubmittedAnswer> {
  return db.$transaction(async (tx) => {
    const invitation = await invitationByToken(tx, input.token);
    const response = await tx.response.findFirst({ where: { id: input.responseId, invitationId: invitation.id } });
    if (!response) throw new DomainError("NOT_FOUND", "This question is not part of your interview.");
    if (response.type !== "VIDEO") throw new DomainError("BAD_REQUEST", "This question takes a written answer, not a recording.");
    if (response.submittedAt) {
      if (response.takesUsed === input.take) return submittedAlready(response, invitation);
      throw new DomainError("CONFLICT", "This answer has already been submitted.");
    }
    assertAnswerable(invitation, { consent: true }, now);
    if (input.take !== response.takesUsed) {
      throw new DomainError("CONFLICT", "A newer recording of this question exists. Reload the page to continue with it.");
    }
    // Completing the upload marks it COMPLETE and points the response's recording asset at the
    // stored file in one transaction, so a complete upload is a recording ready to process.
    const upload = await tx.uploadSession.findUnique({
      where: { responseId_take: { responseId: response.id, take: input.take } },
      select: { status: true },
    });
    if (upload?.status !== "COMPLETE") {
      throw new DomainError("PRECONDITION_FAILED", "This recording has not finished uploading yet. Keep this page open until it has.");
    }
    const { count } = await tx.response.updateMany({
      where: { id: response.id, submittedAt: null, takesUsed: input.take },
      data: { status: "UPLOADED", failureReason: null, submittedAt: now },
    });
    if (!count) throw new DomainError("CONFLICT", "This answer has already been submitted.");
    await markStarted(tx, invitation, now);
    await enqueueEvent(tx, "response.submitted", { responseId: response.id, invitationId: invitation.id }, invitation.organizationId);
    const completed = await completeIfAllAnswered(tx, invitation, now);
    return { responseId: response.id, status: "UPLOADED", durationMs: null, failureReason: null, completed };
  }, CANDIDATE_TRANSACTION);
}

/** What a submit that already went through answered, read back for its retry. */
function submittedAlready(
  response: { id: string; status: string; durationMs: number | null; failureReason: string | null },
  invitation: TokenInvitation,
): SubmittedAnswer {
  const failed = response.status === "FAILED";
  return {
    responseId: response.id,
    status: failed ? "FAILED" : "UPLOADED",
    durationMs: response.durationMs,
    failureReason: failed ? response.failureReason : null,
    completed: invitation.status === "COMPLETED",
  };
}
