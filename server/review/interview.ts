import type { Db } from "../db/client";
import { notFound } from "../errors";
import { canCancel, canResend, effectiveStatus } from "../invitations/status";
import { templateSnapshotSchema } from "../templates/versions";
import { recordingPlayback, type Playback } from "./playback";
import { buildTimeline } from "./timeline";

async function playbackOrNull(asset: { storageDriver: string; storageKey: string; contentType: string } | undefined): Promise<Playback | null> {
  if (!asset) return null;
  try {
    return await recordingPlayback(asset);
  } catch (error) {
    // One unreachable recording must not hide the rest of the interview.
    console.error("could not sign a recording's playback URL", { storageKey: asset.storageKey, error });
    return null;
  }
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
      message: true,
      expiresAt: true,
      sentAt: true,
      remindedAt: true,
      openedAt: true,
      consentAt: true,
      startedAt: true,
      completedAt: true,
      cancelledAt: true,
      template: { select: { id: true, title: true } },
      templateVersion: { select: { id: true, version: true, snapshot: true, createdAt: true } },
      responses: {
        select: {
          id: true,
          questionId: true,
          status: true,
          textAnswer: true,
          takesUsed: true,
          durationMs: true,
          failureReason: true,
          submittedAt: true,
          mediaAssets: { where: { kind: "RECORDING" }, select: { storageDriver: true, storageKey: true, contentType: true, durationMs: true } },
          transcript: { select: { text: true } },
        },
      },
    },
  });
  if (!inv) throw notFound("The interview");

  const { templateVersion, responses: rows, ...invitation } = inv;
  const snapshot = templateSnapshotSchema.parse(templateVersion.snapshot);
  const responses = new Map(rows.map((r) => [r.questionId, r]));
  const questions = [...snapshot.questions].sort((a, b) => a.position - b.position);

  const answers = await Promise.all(
    questions.map(async (q, index) => {
      const r = responses.get(q.id);
      const recording = r?.mediaAssets[0];
      return {
        number: index + 1,
        question: q,
        response: r
          ? {
              id: r.id,
              status: r.status,
              textAnswer: r.textAnswer,
              takesUsed: r.takesUsed,
              durationMs: r.durationMs ?? recording?.durationMs ?? null,
              failureReason: r.failureReason,
              submittedAt: r.submittedAt,
              transcript: r.transcript?.text ?? null,
            }
          : null,
        hasRecording: Boolean(recording),
        playback: await playbackOrNull(recording),
      };
    }),
  );

  const status = effectiveStatus(inv, now);
  return {
    invitation: { ...invitation, status, canResend: canResend(status), canCancel: canCancel(status) },
    version: { id: templateVersion.id, version: templateVersion.version, createdAt: templateVersion.createdAt, title: snapshot.title, description: snapshot.description, rubric: snapshot.rubric },
    answers,
    progress: { answered: answers.filter((a) => a.response?.submittedAt).length, total: answers.length },
    timeline: buildTimeline({ ...invitation, status }, answers.map((a) => ({ number: a.number, submittedAt: a.response?.submittedAt ?? null }))),
  };
}

export type InterviewReview = Awaited<ReturnType<typeof getInterviewReview>>;
