import type { Db, Prisma, QuestionType, ResponseStatus, UploadStatus } from "../db/client";
import { enqueueEvent } from "../events/outbox";
import { introVideoPlayback, type IntroVideoPlayback } from "../templates/intro-video";
import { templateSnapshotSchema } from "../templates/versions";
import { availability, invitationByToken, type Availability } from "./access";
import { consentTextFor } from "./consent-facts";
import type { ConsentText } from "./consent-text";
import { allowsSeveral, optionSeed, seededShuffle } from "./choices";
import { questionLimits, textLimit, type Accommodations } from "./interview-rules";
import { effectiveSettings, questionOrder, timeLeftMs, type InterviewSettings } from "./interview-settings";
import { readStoredSettings } from "../templates/settings.schema";

type Reader = Pick<Prisma.TransactionClient, "invitation" | "response" | "templateVersion" | "uploadSession" | "organization" | "subscription" | "mediaAsset">;

export type InterviewUpload = {
  uploadId: string;
  take: number;
  status: UploadStatus;
  nextChunk: number;
  receivedBytes: number;
};

export type InterviewQuestion = {
  responseId: string;
  questionId: string;
  /** 1-based, in the order the candidate answers. */
  number: number;
  prompt: string;
  type: QuestionType;
  timeLimitSec: number;
  thinkTimeSec: number;
  takesAllowed: number;
  takesUsed: number;
  /** Text questions only: the most characters the answer may have. */
  maxChars: number | null;
  /** Multiple choice only: the options in this candidate's own order, without the key. */
  options: { id: string; text: string }[] | null;
  /** False when the candidate may leave this question unanswered and still complete the interview. */
  required: boolean;
  /** Multiple choice only: whether several options may be chosen. */
  multiple: boolean;
  /** Multiple choice: the option ids chosen. */
  choices: string[];
  status: ResponseStatus;
  submitted: boolean;
  textAnswer: string | null;
  durationMs: number | null;
  /** The upload of the newest take, for resuming it after a reload. */
  upload: InterviewUpload | null;
};

export type InterviewState =
  | { availability: "UNAVAILABLE"; reason: Exclude<Availability, "OPEN" | "COMPLETED">; organizationName: string; title: string }
  | {
      availability: "OPEN" | "COMPLETED";
      invitationId: string;
      candidateName: string;
      organizationName: string;
      title: string;
      description: string;
      /** The hiring team's welcome, read before the consent screen. */
      intro: string | null;
      /** The hiring team's intro video: signed, expiring URLs only (server/templates/intro-video.ts). */
      introVideo: IntroVideoPlayback | null;
      expiresAt: Date;
      consentAt: Date | null;
      startedAt: Date | null;
      completedAt: Date | null;
      questions: InterviewQuestion[];
      /** The consent screen's words, with the organization's real retention; the consent record names their version. */
      consent: ConsentText;
      /** The candidate asked for people only to review their answers: no AI analysis runs. */
      humanReviewRequestedAt: Date | null;
      /** What HR granted this candidate; the questions' times and takes above already include it. */
      accommodations: Accommodations;
      /** The candidate asked for their data to be deleted; the sweep does it at the latest on this date. */
      deletionDueAt: Date | null;
      /** The template version's interview settings with HR's changes for this candidate; `questions` is already in their order. */
      settings: InterviewSettings;
      /** The overall limit's time left as of this load (null: no overall limit), and whether its clock is paused. */
      clock: { timeLeftMs: number | null; paused: boolean };
    };

/**
 * Everything the candidate's page needs to show the interview and to resume it: the questions as
 * they were sent (the invitation's template version), which are answered, and how far the newest
 * recording of each has uploaded.
 */
export async function loadInterviewState(db: Reader, token: string, now: Date = new Date()): Promise<InterviewState> {
  const invitation = await invitationByToken(db, token);
  const details = await db.invitation.findUniqueOrThrow({
    where: { id: invitation.id },
    select: {
      candidateName: true,
      humanReviewRequestedAt: true,
      deletionRequest: { select: { dueAt: true } },
      organization: { select: { name: true } },
      template: { select: { id: true, introText: true } },
    },
  });
  const version = await db.templateVersion.findUniqueOrThrow({ where: { id: invitation.templateVersionId }, select: { snapshot: true } });
  const snapshot = templateSnapshotSchema.parse(version.snapshot);
  const state = availability(invitation, now);
  if (state === "EXPIRED" || state === "CANCELLED" || state === "SUSPENDED") {
    return { availability: "UNAVAILABLE", reason: state, organizationName: details.organization.name, title: snapshot.title };
  }

  const responses = await db.response.findMany({ where: { invitationId: invitation.id } });
  const byQuestion = new Map(responses.map((r) => [r.questionId, r]));
  const uploads = await db.uploadSession.findMany({
    where: { responseId: { in: responses.map((r) => r.id) } },
    select: { id: true, responseId: true, take: true, status: true, nextChunk: true, receivedBytes: true },
  });

  const accommodations: Accommodations = {
    extraThinkPct: invitation.extraThinkPct,
    extraAnswerPct: invitation.extraAnswerPct,
    extraRetakes: invitation.extraRetakes,
  };
  const settings = effectiveSettings(snapshot.settings, readStoredSettings(invitation.settingsOverride));
  const questions: InterviewQuestion[] = [];
  for (const q of questionOrder(snapshot.questions, invitation.id, settings.randomOrder)) {
    const response = byQuestion.get(q.id);
    if (!response) continue;
    const upload = uploads.find((u) => u.responseId === response.id && u.take === response.takesUsed);
    questions.push({
      responseId: response.id,
      questionId: q.id,
      number: questions.length + 1,
      prompt: q.prompt,
      type: q.type,
      ...questionLimits(q, accommodations),
      takesUsed: response.takesUsed,
      maxChars: q.type === "TEXT" ? textLimit(q.maxChars) : null,
      options: q.type === "MULTIPLE_CHOICE" ? seededShuffle(q.options ?? [], optionSeed(invitation.id, q.id)).map(({ id, text }) => ({ id, text })) : null,
      multiple: q.type === "MULTIPLE_CHOICE" && allowsSeveral(q.options ?? []),
      required: q.required ?? true,
      choices: response.choices,
      status: response.status,
      submitted: response.submittedAt !== null,
      textAnswer: response.textAnswer,
      durationMs: response.durationMs,
      upload: upload
        ? { uploadId: upload.id, take: upload.take, status: upload.status, nextChunk: upload.nextChunk, receivedBytes: Number(upload.receivedBytes) }
        : null,
    });
  }

  const consent = await consentTextFor(db, {
    organizationId: invitation.organizationId,
    organizationName: details.organization.name,
    videoQuestions: questions.filter((q) => q.type === "VIDEO").length,
    textQuestions: questions.filter((q) => q.type === "TEXT").length,
    choiceQuestions: questions.filter((q) => q.type === "MULTIPLE_CHOICE").length,
  });

  return {
    availability: state,
    invitationId: invitation.id,
    candidateName: details.candidateName,
    organizationName: details.organization.name,
    title: snapshot.title,
    description: snapshot.description,
    intro: details.template.introText,
    introVideo: await introVideoPlayback(db, details.template.id),
    expiresAt: invitation.expiresAt,
    consentAt: invitation.consentAt,
    startedAt: invitation.startedAt,
    completedAt: invitation.completedAt,
    questions,
    consent,
    humanReviewRequestedAt: details.humanReviewRequestedAt,
    accommodations,
    deletionDueAt: details.deletionRequest?.dueAt ?? null,
    settings,
    clock: { timeLeftMs: timeLeftMs(settings.timeLimitMin, invitation, now), paused: invitation.pausedAt !== null },
  };
}

/**
 * The emailed link was followed: SENT becomes OPENED (once; a later status stays as it is). The
 * update is conditional on the status, so two tabs opening at once record one opening, and one
 * `invitation.opened` event.
 */
export async function openInterview(db: Db, token: string, now: Date = new Date()): Promise<InterviewState> {
  const invitation = await invitationByToken(db, token);
  if (invitation.status === "SENT" && availability(invitation, now) === "OPEN") {
    await db.$transaction(async (tx) => {
      const { count } = await tx.invitation.updateMany({ where: { id: invitation.id, status: "SENT" }, data: { status: "OPENED", openedAt: now } });
      if (count) await enqueueEvent(tx, "invitation.opened", { invitationId: invitation.id }, invitation.organizationId);
    });
  }
  return loadInterviewState(db, token, now);
}
