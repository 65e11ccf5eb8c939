import { Readable } from "node:stream";
import archiver from "archiver";
import type { Db } from "../db/client";
import { isStorageDriver, storageForDriver } from "../storage";
import { templateSnapshotSchema } from "../templates/versions";

const EXTENSIONS: Record<string, string> = { "video/webm": "webm", "video/mp4": "mp4", "video/x-matroska": "mkv", "video/quicktime": "mov" };

type Recording = { name: string; driver: string; key: string };

/**
 * Everything held about the candidate in these invitations, as plain JSON: the invitation, the
 * consent record, each question with the answer, transcript and recording's file name in the
 * zip, every analysis with HR's overrides, and what the hiring team wrote about them (ratings
 * and comments: opinions about the candidate are their personal data too). Colleagues' names are
 * left out, as their own data. Recordings are listed for the zip to stream.
 */
export async function collectCandidateData(db: Db, invitationIds: string[]) {
  const invitations = await db.invitation.findMany({
    where: { id: { in: invitationIds } },
    orderBy: { sentAt: "asc" },
    include: {
      organization: { select: { name: true } },
      templateVersion: { select: { snapshot: true } },
      consent: { select: { textVersion: true, retentionDays: true, consentedAt: true } },
      deletionRequest: { select: { requestedAt: true, dueAt: true } },
      // Theirs to see, as everything else here: what they chose to tell, what was decided, what was written to them.
      selfId: { select: { sex: true, raceEthnicity: true, updatedAt: true } },
      hiringDecision: { select: { decision: true, decidedAt: true } },
      feedback: { select: { body: true, sentAt: true } },
      responses: {
        orderBy: { position: "asc" },
        include: {
          transcript: true,
          mediaAssets: { where: { kind: "RECORDING" } },
          ratings: { orderBy: { createdAt: "asc" }, select: { score: true, note: true, updatedAt: true } },
        },
      },
      reviewComments: { orderBy: { createdAt: "asc" }, select: { body: true, createdAt: true } },
      analyses: { orderBy: { createdAt: "asc" }, include: { overrides: { orderBy: { createdAt: "asc" } } } },
    },
  });
  const recordings: Recording[] = [];
  const data = invitations.map((inv) => {
    const snapshot = templateSnapshotSchema.parse(inv.templateVersion.snapshot);
    return {
      invitationId: inv.id,
      organization: inv.organization.name,
      job: snapshot.title,
      candidateName: inv.candidateName,
      candidateEmail: inv.candidateEmail,
      status: inv.status,
      message: inv.message,
      sentAt: inv.sentAt,
      expiresAt: inv.expiresAt,
      openedAt: inv.openedAt,
      consentAt: inv.consentAt,
      startedAt: inv.startedAt,
      completedAt: inv.completedAt,
      consent: inv.consent,
      humanReviewRequestedAt: inv.humanReviewRequestedAt,
      deletionRequest: inv.deletionRequest,
      selfIdentification: inv.selfId,
      hiringDecision: inv.hiringDecision,
      feedback: inv.feedback,
      answers: inv.responses.map((r) => {
        const question = snapshot.questions.find((q) => q.id === r.questionId);
        const asset = r.mediaAssets[0];
        let recording: string | null = null;
        if (asset) {
          recording = `recordings/${inv.id}/${r.position + 1}-${r.id}.${EXTENSIONS[asset.contentType.split(";")[0]!] ?? "bin"}`;
          recordings.push({ name: recording, driver: asset.storageDriver, key: asset.storageKey });
        }
        return {
          question: question?.prompt ?? null,
          type: r.type,
          status: r.status,
          submittedAt: r.submittedAt,
          durationMs: r.durationMs,
          textAnswer: r.textAnswer,
          recording,
          transcript: r.transcript
            ? { engine: r.transcript.engine, language: r.transcript.language, text: r.transcript.text, segments: r.transcript.segments }
            : null,
          ratings: r.ratings.map((x) => ({ score: x.score, note: x.note, ratedAt: x.updatedAt })),
        };
      }),
      reviewComments: inv.reviewComments.map((c) => ({ body: c.body, writtenAt: c.createdAt })),
      analyses: inv.analyses.map((a) => ({
        of: a.responseId ? "answer" : "interview",
        responseId: a.responseId,
        status: a.status,
        engine: a.engine,
        model: a.model,
        overallScore: a.overallScore,
        recommendation: a.recommendation,
        flagged: a.flagged,
        result: a.result,
        createdAt: a.createdAt,
        overrides: a.overrides.map((o) => ({ field: o.field, aiValue: o.aiValue, value: o.value, reason: o.reason, createdAt: o.createdAt })),
      })),
    };
  });
  return { data: { exportedAt: new Date(), invitations: data }, recordings };
}

/**
 * The zip, streamed: data.json, then each recording read from its driver while the zip is written,
 * so memory does not grow with the recordings. A recording that cannot be opened fails the export
 * before anything is sent, rather than giving a zip that silently lacks it.
 */
export async function candidateExportZip(db: Db, invitationIds: string[]): Promise<Readable> {
  const { data, recordings } = await collectCandidateData(db, invitationIds);
  const streams: { name: string; stream: Readable }[] = [];
  for (const r of recordings) {
    if (!isStorageDriver(r.driver)) throw new Error(`The recording ${r.name} is on an unknown storage driver.`);
    streams.push({ name: r.name, stream: await storageForDriver(r.driver).createReadStream(r.key) });
  }
  const archive = archiver("zip", { zlib: { level: 6 } });
  archive.append(JSON.stringify(data, null, 2), { name: "data.json" });
  for (const { name, stream } of streams) archive.append(stream, { name });
  void archive.finalize().catch(() => {});
  return archive;
}
