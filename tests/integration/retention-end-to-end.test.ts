import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { functions } from "@/inngest/functions";
import { InProcessRunner } from "@/inngest/runner/runner";
import { getDb } from "@/server/db/client";
import { env } from "@/server/config/env";
import { emailInterviewReceived } from "@/server/invitations/email";
import { overrideAnalysis } from "@/server/review/overrides";
import { storageForDriver, type StorageDriverName } from "@/server/storage";
import { makeOrg, makeUser } from "../helpers/actors";
import { columnsContaining, filesUnder } from "../helpers/find-anywhere";
import { submitFixtureInterview } from "../fixtures/pipeline";
import { settle } from "../helpers/settle";

/**
 * The whole promise of retention: a real interview (recordings through ffmpeg, PocketSphinx
 * transcripts, search passages with their vectors, the offline analysis, HR's override with its
 * reason, notifications and mail) is deleted by the scheduled sweep once past retention, and then
 * nothing of it is found anywhere: in any text or JSON column of any table, in storage, among the
 * vectors, or in the mail log.
 */

let runner: InProcessRunner;

beforeAll(() => {
  runner = new InProcessRunner({ db: getDb(), functions, backoffBaseMs: 20, backoffMaxMs: 100, log: () => {} });
});
afterAll(async () => {
  await runner.stop();
});

describe("retention deletes a whole interview", () => {
  it("leaves no row, file, vector or email of an interview past retention, only its tombstone and audit entry", async () => {
    const db = getDb();
    const org = await makeOrg("Retention");
    const hr = await makeUser({ role: "HR", orgId: org.id, orgRole: "OWNER" });
    const { invitationId, responses } = await submitFixtureInterview({ candidate: "strong", organizationId: org.id, createdById: hr.id });
    await settle(runner, 300_000);

    const invitation = await db.invitation.findUniqueOrThrow({ where: { id: invitationId } });
    // The candidate's "we received your interview" email names them in the mail log.
    expect(await emailInterviewReceived(db, invitationId)).toMatchObject({ sent: true });
    const reason = "Walked through the incident calmly with numbers";
    await overrideAnalysis(db, hr, org.id, { invitationId, field: "recommendation", value: "strong_yes", reason });
    // The pipeline made a seekable playback copy of each recording: the sweep must delete those files too.
    expect(await db.mediaAsset.count({ where: { responseId: { in: responses.map((r) => r.id) }, kind: "PLAYBACK" } })).toBe(3);

    const rows = await db.response.findMany({ where: { invitationId }, include: { transcript: true, mediaAssets: true, uploads: true } });
    const transcripts = rows.flatMap((r) => (r.transcript ? [r.transcript.text] : []));
    const written = rows.flatMap((r) => (r.textAnswer ? [r.textAnswer] : []));
    expect(transcripts.length).toBe(3);
    expect(written.length).toBe(1);
    const summary = (await db.analysis.findFirstOrThrow({ where: { invitationId, responseId: null } })).result as { summary: string };
    // Distinctive stretches of what the candidate said and wrote, of the AI read, and of HR's reason.
    const phrases = [
      ...transcripts.map((t) => t.trim().split(/\s+/).slice(3, 9).join(" ")),
      ...written.map((t) => (t.length > 60 ? t.slice(10, 60) : t)),
      summary.summary.slice(0, 40),
      reason,
    ].filter((p) => p.length >= 8);
    expect(phrases.length, JSON.stringify(phrases)).toBeGreaterThanOrEqual(5);
    const needles = [...phrases, invitation.candidateName, invitation.candidateEmail];
    const files = rows.flatMap((r) => [
      ...r.mediaAssets.map((a) => ({ driver: a.storageDriver as StorageDriverName, key: a.storageKey })),
      ...r.uploads.map((u) => ({ driver: "local" as const, key: u.storageKey })),
    ]);
    expect(new Set(rows.flatMap((r) => r.mediaAssets.map((a) => a.kind)))).toEqual(new Set(["RECORDING", "AUDIO", "THUMBNAIL", "PLAYBACK"]));
    for (const f of files) expect(await storageForDriver(f.driver).stat(f.key), f.key).not.toBeNull();
    const before = await columnsContaining(db, needles);
    // The search finds the interview everywhere it lives before the deletion, so finding nothing after means something.
    for (const place of [
      "invitations.candidateName",
      "transcripts.text",
      "responses.textAnswer",
      "analyses.result",
      "analysis_overrides.reason",
      "embedding_chunks.content",
      "email_messages.html",
      "notifications.body",
    ]) {
      expect(before).toContain(place);
    }
    expect(await db.embeddingChunk.count({ where: { invitationId } })).toBeGreaterThan(0);

    // Finished 200 days ago: past the default 180 days, which Pro allows.
    await db.invitation.update({ where: { id: invitationId }, data: { completedAt: new Date(Date.now() - 200 * 24 * 3600 * 1000) } });
    // A tick an hour back is due at once.
    await runner.scheduleCrons(new Date(Date.now() - 3600 * 1000));
    await settle(runner, 120_000);
    const sweep = await db.jobRun.findFirstOrThrow({ where: { functionId: { endsWith: "retention-sweep" } } });
    expect(sweep.status).toBe("COMPLETED");

    expect(await columnsContaining(db, needles)).toEqual([]);
    for (const f of files) expect(await storageForDriver(f.driver).stat(f.key), f.key).toBeNull();
    const left = await filesUnder(env().STORAGE_DIR);
    expect(left.filter((p) => rows.some((r) => p.includes(r.id) || r.uploads.some((u) => p.includes(u.id))))).toEqual([]);
    const vectors = await db.$queryRaw<
      { n: bigint }[]
    >`SELECT count(*) AS n FROM embedding_chunks WHERE "invitationId" = ${invitationId} OR "responseId" = ANY(${rows.map((r) => r.id)}::text[])`;
    expect(Number(vectors[0]!.n)).toBe(0);
    expect(await db.storageDeletion.count({ where: { organizationId: org.id, deletedAt: null } })).toBe(0);

    const tombstone = await db.interviewTombstone.findUniqueOrThrow({ where: { invitationId } });
    expect(tombstone).toMatchObject({ organizationId: org.id, finalStatus: "COMPLETED", finalDecision: "strong_yes", reason: "retention", deletedById: null });
    expect(tombstone.completedAt).toBeInstanceOf(Date);
    const audited = await db.auditLog.findFirstOrThrow({ where: { action: "interview.data_deleted", targetId: invitationId } });
    expect(audited.data).toMatchObject({ reason: "retention" });
    // The override's audit entry stays (who changed what, when), without its reason.
    expect(await db.auditLog.count({ where: { organizationId: org.id, action: "analysis.override" } })).toBe(1);
  }, 600_000);
});
