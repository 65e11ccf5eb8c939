import type { Db } from "../db/client";
import { notFound } from "../errors";
import { canCancel, canResend, effectiveStatus } from "../invitations/status";
import { pipelineInProgress } from "../pipeline/progress";
import { resumingAnswers } from "../pipeline/resuming";
import { templateSnapshotSchema } from "../templates/versions";
import { captionsUrl } from "../transcription/captions";
import { isTranscriptionEngine, TRANSCRIPTION_ENGINES, transcriptSegmentsSchema, type TranscriptSegment } from "../transcription/transcript.schema";
import { recordingPlayback, type Playback } from "./playback";
import { buildTimeline } from "./timeline";
import { logger } from "@/server/logging/logger";

type StoredMedia = { kind: string; storageDriver: string; storageKey: string; contentType: string; durationMs: number | null };

async function signedOrNull(asset: StoredMedia | undefined): Promise<Playback | null> {
  if (!asset) return null;
  try {
    return await recordingPlayback(asset);
  } catch (error) {
    // One unreachable recording must not hide the rest of the interview.
    logger.error({ err: error, storageKey: asset.storageKey }, "could not sign a recording's playback URL");
    return null;
  }
}

/**
 * What the player plays: the seekable, browser-friendly copy the media step made (a remux of
 * MediaRecorder's WebM, or a transcode), else the recording itself until it is processed; with the
 * thumbnail as its poster once there is one, and the length the probe measured.
 */
async function answerPlayback(assets: StoredMedia[]): Promise<(Playback & { posterUrl: string | null; durationMs: number | null }) | null> {
  const video = assets.find((a) => a.kind === "PLAYBACK") ?? assets.find((a) => a.kind === "RECORDING");
  const [playback, poster] = await Promise.all([signedOrNull(video), signedOrNull(assets.find((a) => a.kind === "THUMBNAIL"))]);
  return playback ? { ...playback, posterUrl: poster?.url ?? null, durationMs: video?.durationMs ?? null } : null;
}

export type ReviewTranscript = {
  text: string;
  engine: string;
  engineLabel: string;
  /** The engine makes many mistakes: show `caution` with it. */
  rough: boolean;
  caution: string | null;
  segments: TranscriptSegment[];
};

function reviewTranscript(row: { text: string; engine: string; segments: unknown } | null | undefined): ReviewTranscript | null {
  if (!row) return null;
  const parsed = transcriptSegmentsSchema.safeParse(row.segments);
  if (!parsed.success) logger.error({ engine: row.engine, issue: parsed.error.message }, "a stored transcript's segments do not match the schema");
  const known = isTranscriptionEngine(row.engine) ? TRANSCRIPTION_ENGINES[row.engine] : null;
  return {
    text: row.text,
    engine: row.engine,
    engineLabel: known?.label ?? row.engine,
    rough: known?.rough ?? false,
    caution: known?.caution ?? null,
    segments: parsed.success ? parsed.data : [],
  };
}

/**
 * Everything HR reviews about one interview: the candidate, the questions exactly as they were
 * sent (the invitation's template version, not the template as edited since), and each answer.
 */
export async function getInterviewReview(db: Db, organizationId: string, invitationId: string) {
  const now = new Date();
  const inv = await db.invitation.findFirst({
    where: { id: invitationId, organizationId },
    select: {
      id: true,
      status: true,
      candidateName: true,
      candidateEmail: true,
      candidateUser: { select: { skills: true } },
      message: true,
      expiresAt: true,
      sentAt: true,
      remindedAt: true,
      openedAt: true,
      consentAt: true,
      startedAt: true,
      lastSeenAt: true,
      completedAt: true,
      cancelledAt: true,
      humanReviewRequestedAt: true,
      extraThinkPct: true,
      extraAnswerPct: true,
      extraRetakes: true,
      template: { select: { id: true, title: true } },
      templateVersion: { select: { id: true, version: true, snapshot: true, createdAt: true } },
      responses: {
        select: {
          id: true,
          questionId: true,
          status: true,
          textAnswer: true,
          choices: true,
          keyScore: true,
          takesUsed: true,
          durationMs: true,
          failureReason: true,
          submittedAt: true,
          mediaAssets: {
            where: { kind: { in: ["RECORDING", "PLAYBACK", "THUMBNAIL"] } },
            select: { kind: true, storageDriver: true, storageKey: true, contentType: true, durationMs: true },
          },
          transcript: { select: { text: true, engine: true, segments: true } },
        },
      },
    },
  });
  if (!inv) throw notFound("The interview");

  const { templateVersion, responses: rows, candidateUser, ...invitation } = inv;
  const snapshot = templateSnapshotSchema.parse(templateVersion.snapshot);
  const responses = new Map(rows.map((r) => [r.questionId, r]));
  const questions = [...snapshot.questions].sort((a, b) => a.position - b.position);

  const resuming = await resumingAnswers(db, invitationId, rows);
  const answers = await Promise.all(
    questions.map(async (q, index) => {
      const r = responses.get(q.id);
      const recording = r?.mediaAssets.find((a) => a.kind === "RECORDING");
      const transcript = reviewTranscript(r?.transcript);
      return {
        number: index + 1,
        question: q,
        response: r
          ? {
              id: r.id,
              status: r.status,
              textAnswer: r.textAnswer,
              choices: r.choices,
              keyScore: r.keyScore,
              takesUsed: r.takesUsed,
              durationMs: r.durationMs ?? recording?.durationMs ?? null,
              failureReason: r.failureReason,
              submittedAt: r.submittedAt,
              resuming: resuming.has(r.id),
            }
          : null,
        hasRecording: Boolean(recording),
        playback: r ? await answerPlayback(r.mediaAssets) : null,
        transcript,
        // Only a transcript with timed lines makes captions; the player shows none otherwise.
        captionsUrl: r && transcript && transcript.segments.length > 0 ? captionsUrl(r.id) : null,
      };
    }),
  );

  const status = effectiveStatus(inv, now);
  const latestAnalysis = await db.analysis.findFirst({
    where: { invitationId, organizationId, responseId: null },
    orderBy: { createdAt: "desc" },
    select: { status: true },
  });
  const processing = pipelineInProgress(
    answers.flatMap((a) => (a.response ? [{ type: a.question.type, status: a.response.status, submitted: Boolean(a.response.submittedAt) }] : [])),
    status,
    latestAnalysis?.status ?? null,
  );
  return {
    processing,
    invitation: { ...invitation, candidateSkills: candidateUser?.skills ?? [], status, canResend: canResend(status), canCancel: canCancel(status) },
    version: {
      id: templateVersion.id,
      version: templateVersion.version,
      createdAt: templateVersion.createdAt,
      title: snapshot.title,
      description: snapshot.description,
      rubric: snapshot.rubric,
    },
    answers,
    progress: { answered: answers.filter((a) => a.response?.submittedAt).length, total: answers.length },
    timeline: buildTimeline(
      { ...invitation, status },
      answers.map((a) => ({ number: a.number, submittedAt: a.response?.submittedAt ?? null })),
    ),
  };
}

export type InterviewReview = Awaited<ReturnType<typeof getInterviewReview>>;
