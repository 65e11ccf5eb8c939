import { spawnSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as completeRoute } from "@/app/api/uploads/[uploadId]/complete/route";
import { PUT as chunkRoute } from "@/app/api/uploads/[uploadId]/chunks/[index]/route";
import { POST as startRoute } from "@/app/api/uploads/route";
import { resetEnvForTests } from "@/server/config/env";
import { cpuPool } from "@/server/cpu/pool";
import { getDb } from "@/server/db/client";
import { processResponseMedia } from "@/server/media/process-response";
import { callerFor } from "../helpers/actors";
import { makeInterview } from "../fixtures/interview";
import { readStoredRecording, storeRecording } from "../fixtures/interview-storage";

/**
 * The candidate's side of an interview through the real procedures and database: what a link's
 * token can reach, consent before anything is stored, closed invitations, the takes and text
 * limits, and the outbox events written with the answers.
 */

async function anonymous() {
  return callerFor(null);
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "OK";
  } catch (error) {
    if (error instanceof TRPCError) return error.code;
    throw error;
  }
}

/** A take with bytes on the server, as the upload routes leave one: it counts against the limit. */
async function uploadBytes(responseId: string, take: number, status: "OPEN" | "COMPLETE" = "OPEN") {
  await getDb().uploadSession.create({
    data: { responseId, take, contentType: "video/webm", receivedBytes: BigInt(1000), nextChunk: 1, status, storageKey: `test/${responseId}/${take}.webm` },
  });
}

/** Recordings decoded to measure their length so far, by this process's CPU pool. */
function measurements(): number {
  return cpuPool().stats().completed["measure-duration"] ?? 0;
}

async function events(invitationId: string) {
  const rows = await getDb().outboxEvent.findMany({ orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  return rows.filter((e) => (e.payload as { invitationId?: string }).invitationId === invitationId).map((e) => ({ name: e.name, payload: e.payload }));
}

describe("the link's token", () => {
  it("opens its own invitation, and marks it opened once", async () => {
    const { token, invitation, responses } = await makeInterview();
    const api = await anonymous();
    const state = await api.interview.open({ token });
    expect(state.availability).toBe("OPEN");
    if (state.availability !== "OPEN") return;
    expect(state.invitationId).toBe(invitation.id);
    expect(state.questions.map((q) => q.responseId)).toEqual(responses.map((r) => r.id));
    expect(state.questions.map((q) => q.number)).toEqual([1, 2]);

    const opened = await getDb().invitation.findUniqueOrThrow({ where: { id: invitation.id } });
    expect(opened.status).toBe("OPENED");
    expect(opened.openedAt).toBeInstanceOf(Date);
    await api.interview.open({ token });
    const again = await getDb().invitation.findUniqueOrThrow({ where: { id: invitation.id } });
    expect(again.openedAt).toEqual(opened.openedAt);
  });

  it("reaches nothing of another invitation, and an unknown token reaches nothing at all", async () => {
    const mine = await makeInterview({ consent: true });
    const theirs = await makeInterview({ consent: true });
    const api = await anonymous();
    const theirVideo = theirs.responses[0]!.id;
    const theirText = theirs.responses[1]!.id;
    expect(await codeOf(api.interview.startTake({ token: mine.token, responseId: theirVideo }))).toBe("NOT_FOUND");
    expect(await codeOf(api.interview.submitText({ token: mine.token, responseId: theirText, text: "hello" }))).toBe("NOT_FOUND");
    expect(await codeOf(api.interview.submitVideo({ token: mine.token, responseId: theirVideo, take: 1 }))).toBe("NOT_FOUND");
    expect(await codeOf(api.interview.state({ token: "x".repeat(43) }))).toBe("NOT_FOUND");
    expect(await codeOf(api.interview.state({ token: "not a token!" }))).toBe("BAD_REQUEST");
    const untouched = await getDb().response.findMany({ where: { invitationId: theirs.invitation.id } });
    expect(untouched.every((r) => r.takesUsed === 0 && r.submittedAt === null)).toBe(true);
  });
});

describe("consent", () => {
  it("comes before any answer: starting a take or submitting text is refused without it", async () => {
    const { token, invitation, responses } = await makeInterview();
    const api = await anonymous();
    expect(await codeOf(api.interview.startTake({ token, responseId: responses[0]!.id }))).toBe("PRECONDITION_FAILED");
    expect(await codeOf(api.interview.submitText({ token, responseId: responses[1]!.id, text: "Two weeks" }))).toBe("PRECONDITION_FAILED");
    expect(await getDb().response.count({ where: { invitationId: invitation.id, OR: [{ takesUsed: { gt: 0 } }, { submittedAt: { not: null } }] } })).toBe(0);

    const shown = await api.interview.open({ token });
    const textVersion = shown.availability === "UNAVAILABLE" ? "" : shown.consent.version;
    const state = await api.interview.consent({ token, accepted: true, textVersion });
    expect(state.availability === "OPEN" && state.consentAt).toBeInstanceOf(Date);
    const audited = await getDb().auditLog.findMany({ where: { targetId: invitation.id, action: "interview.consented" } });
    expect(audited).toHaveLength(1);
    expect(await api.interview.startTake({ token, responseId: responses[0]!.id })).toEqual({ take: 1, takesAllowed: 2 });
  });

  it("must be an explicit yes", async () => {
    const { token } = await makeInterview();
    const api = await anonymous();
    expect(await codeOf(api.interview.consent({ token, accepted: false as unknown as true, textVersion: "x" }))).toBe("BAD_REQUEST");
  });
});

describe("closed invitations", () => {
  it("an expired link shows as expired and takes no answers, whether or not the status caught up", async () => {
    for (const make of [
      () => makeInterview({ consent: true, expiresAt: new Date(Date.now() - 1000) }),
      () => makeInterview({ consent: true, status: "EXPIRED" }),
    ]) {
      const { token, responses } = await make();
      const api = await anonymous();
      const state = await api.interview.open({ token });
      expect(state).toMatchObject({ availability: "UNAVAILABLE", reason: "EXPIRED" });
      expect(await codeOf(api.interview.consent({ token, accepted: true, textVersion: "x" }))).toBe("PRECONDITION_FAILED");
      expect(await codeOf(api.interview.startTake({ token, responseId: responses[0]!.id }))).toBe("PRECONDITION_FAILED");
      expect(await codeOf(api.interview.submitText({ token, responseId: responses[1]!.id, text: "late" }))).toBe("PRECONDITION_FAILED");
    }
  });

  it("a cancelled invitation takes no answers", async () => {
    const { token, invitation, responses } = await makeInterview({ consent: true, status: "CANCELLED" });
    const api = await anonymous();
    expect(await api.interview.open({ token })).toMatchObject({ availability: "UNAVAILABLE", reason: "CANCELLED" });
    expect(await codeOf(api.interview.startTake({ token, responseId: responses[0]!.id }))).toBe("PRECONDITION_FAILED");
    expect(await codeOf(api.interview.submitText({ token, responseId: responses[1]!.id, text: "hi" }))).toBe("PRECONDITION_FAILED");
    expect((await getDb().invitation.findUniqueOrThrow({ where: { id: invitation.id } })).status).toBe("CANCELLED");
  });

  it("a completed interview shows as completed", async () => {
    const { token } = await makeInterview({ status: "COMPLETED", consent: true });
    const api = await anonymous();
    expect(await api.interview.state({ token })).toMatchObject({ availability: "COMPLETED" });
  });
});

describe("takes", () => {
  it("counts recordings with bytes, and refuses more than the first plus the retakes", async () => {
    const { token, invitation, responses } = await makeInterview({ consent: true, questions: [{ type: "VIDEO", retakes: 1 }, { type: "TEXT" }] });
    const api = await anonymous();
    const responseId = responses[0]!.id;

    expect((await api.interview.startTake({ token, responseId })).take).toBe(1);
    const started = await getDb().invitation.findUniqueOrThrow({ where: { id: invitation.id } });
    expect(started.status).toBe("IN_PROGRESS");
    expect(started.startedAt).toBeInstanceOf(Date);
    // Nothing reached the server for take 1 (the camera failed): the same take is handed out again.
    expect((await api.interview.startTake({ token, responseId })).take).toBe(1);
    await uploadBytes(responseId, 1);
    expect((await api.interview.startTake({ token, responseId })).take).toBe(2);
    await uploadBytes(responseId, 2);
    expect(await codeOf(api.interview.startTake({ token, responseId }))).toBe("PRECONDITION_FAILED");
    const response = await getDb().response.findUniqueOrThrow({ where: { id: responseId } });
    expect(response.takesUsed).toBe(2);
    expect(response.status).toBe("UPLOADING");
  });

  it("a question without retakes allows exactly one recording", async () => {
    const { token, responses } = await makeInterview({ consent: true, questions: [{ type: "VIDEO", retakes: 0 }] });
    const api = await anonymous();
    const responseId = responses[0]!.id;
    expect((await api.interview.startTake({ token, responseId })).take).toBe(1);
    await uploadBytes(responseId, 1);
    expect(await codeOf(api.interview.startTake({ token, responseId }))).toBe("PRECONDITION_FAILED");
  });

  it("only the newest take can be submitted, and only once its upload is complete", async () => {
    const { token, responses } = await makeInterview({ consent: true });
    const api = await anonymous();
    const responseId = responses[0]!.id;
    await api.interview.startTake({ token, responseId });
    await uploadBytes(responseId, 1);
    expect(await codeOf(api.interview.submitVideo({ token, responseId, take: 1 }))).toBe("PRECONDITION_FAILED");
    await api.interview.startTake({ token, responseId });
    expect(await codeOf(api.interview.submitVideo({ token, responseId, take: 1 }))).toBe("CONFLICT");
  });
});

describe("text answers", () => {
  it("keep to the question's character limit", async () => {
    const { token, responses } = await makeInterview({ consent: true, questions: [{ type: "TEXT", maxChars: 10 }, { type: "TEXT" }] });
    const api = await anonymous();
    const responseId = responses[0]!.id;
    expect(await codeOf(api.interview.submitText({ token, responseId, text: "x".repeat(11) }))).toBe("BAD_REQUEST");
    expect(await codeOf(api.interview.submitText({ token, responseId, text: "   " }))).toBe("BAD_REQUEST");
    expect(await codeOf(api.interview.submitText({ token, responseId, text: "y".repeat(20_001) }))).toBe("BAD_REQUEST");
    expect(await api.interview.submitText({ token, responseId, text: " 2 weeks  " })).toMatchObject({ status: "UPLOADED", completed: false });
    const saved = await getDb().response.findUniqueOrThrow({ where: { id: responseId } });
    expect(saved).toMatchObject({ textAnswer: "2 weeks", status: "UPLOADED" });
    expect(saved.submittedAt).toBeInstanceOf(Date);
    expect(await codeOf(api.interview.submitText({ token, responseId, text: "changed my mind" }))).toBe("CONFLICT");
  });

  it("refuses a recording for a text question and text for a video question", async () => {
    const { token, responses } = await makeInterview({ consent: true });
    const api = await anonymous();
    expect(await codeOf(api.interview.startTake({ token, responseId: responses[1]!.id }))).toBe("BAD_REQUEST");
    expect(await codeOf(api.interview.submitText({ token, responseId: responses[0]!.id, text: "hello" }))).toBe("BAD_REQUEST");
  });
});

describe("completing the interview", () => {
  it("writes response.submitted with each answer and interview.completed with the last, in the same transaction", async () => {
    const { token, invitation, responses } = await makeInterview({ consent: true, questions: [{ type: "TEXT" }, { type: "TEXT" }] });
    const api = await anonymous();
    await api.interview.submitText({ token, responseId: responses[0]!.id, text: "first" });
    expect(await events(invitation.id)).toEqual([{ name: "response.submitted", payload: { responseId: responses[0]!.id, invitationId: invitation.id } }]);
    expect((await getDb().invitation.findUniqueOrThrow({ where: { id: invitation.id } })).status).toBe("IN_PROGRESS");

    expect(await api.interview.submitText({ token, responseId: responses[1]!.id, text: "second" })).toMatchObject({ completed: true });
    const done = await getDb().invitation.findUniqueOrThrow({ where: { id: invitation.id } });
    expect(done.status).toBe("COMPLETED");
    expect(done.completedAt).toBeInstanceOf(Date);
    expect(await events(invitation.id)).toEqual([
      { name: "response.submitted", payload: { responseId: responses[0]!.id, invitationId: invitation.id } },
      { name: "response.submitted", payload: { responseId: responses[1]!.id, invitationId: invitation.id } },
      { name: "interview.completed", payload: { invitationId: invitation.id } },
    ]);
    const outbox = await getDb().outboxEvent.findMany({ where: { name: "interview.completed" } });
    expect(outbox.find((e) => (e.payload as { invitationId: string }).invitationId === invitation.id)?.organizationId).toBe(invitation.organizationId);
    expect(await api.interview.state({ token })).toMatchObject({ availability: "COMPLETED" });
  });

  it("writes nothing when the transaction fails half-way: the answer, the status and the events all roll back", async () => {
    const { token, invitation, responses } = await makeInterview({ consent: true, questions: [{ type: "TEXT" }, { type: "TEXT" }] });
    const api = await anonymous();
    await api.interview.submitText({ token, responseId: responses[0]!.id, text: "first" });

    // The real engine refuses the completion event, after the answer and the status were written in the transaction.
    const db = getDb();
    await db.$executeRawUnsafe(`CREATE OR REPLACE FUNCTION refuse_completion() RETURNS trigger AS $$
      BEGIN RAISE EXCEPTION 'outbox unavailable'; END; $$ LANGUAGE plpgsql`);
    await db.$executeRawUnsafe(`CREATE TRIGGER refuse_completion BEFORE INSERT ON outbox_events FOR EACH ROW
      WHEN (NEW.name = 'interview.completed') EXECUTE FUNCTION refuse_completion()`);
    try {
      expect(await codeOf(api.interview.submitText({ token, responseId: responses[1]!.id, text: "second" }))).toBe("INTERNAL_SERVER_ERROR");
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER refuse_completion ON outbox_events`);
    }
    const second = await db.response.findUniqueOrThrow({ where: { id: responses[1]!.id } });
    expect(second).toMatchObject({ submittedAt: null, textAnswer: null, status: "PENDING" });
    expect((await db.invitation.findUniqueOrThrow({ where: { id: invitation.id } })).status).toBe("IN_PROGRESS");
    expect((await events(invitation.id)).map((e) => e.name)).toEqual(["response.submitted"]);

    // Nothing was half-written, so the same answer goes through once the outbox takes writes again.
    expect(await api.interview.submitText({ token, responseId: responses[1]!.id, text: "second" })).toMatchObject({ completed: true });
    expect((await events(invitation.id)).map((e) => e.name)).toEqual(["response.submitted", "response.submitted", "interview.completed"]);
  });
});

describe("video answers", () => {
  let webm: Buffer;
  let storageDir: string;
  beforeAll(async () => {
    storageDir = await mkdtemp(path.join(os.tmpdir(), "interview-storage-"));
    process.env.STORAGE_DIR = storageDir;
    resetEnvForTests();
    // A WebM like MediaRecorder's (VP8 + Opus), 3.2 s long, made with Debian's ffmpeg.
    const made = spawnSync(
      "ffmpeg",
      [
        "-hide_banner",
        "-loglevel",
        "error",
        "-f",
        "lavfi",
        "-i",
        "testsrc=size=160x120:rate=15",
        "-f",
        "lavfi",
        "-i",
        "sine=frequency=440:sample_rate=48000",
        "-t",
        "3.2",
        "-c:v",
        "libvpx",
        "-b:v",
        "200k",
        "-c:a",
        "libopus",
        "-f",
        "webm",
        "pipe:1",
      ],
      { encoding: "buffer", maxBuffer: 64 * 1024 * 1024 },
    );
    if (made.status !== 0) throw new Error(`ffmpeg could not make the test file: ${made.stderr.toString()}`);
    webm = made.stdout;
  });
  afterAll(async () => {
    await rm(storageDir, { recursive: true, force: true });
  });

  /** What completing an upload leaves: the stored file, its COMPLETE session and the response's recording asset. */
  async function uploaded(responseId: string, take: number, bytes: Buffer) {
    const { storageKey, storageDriver } = await storeRecording(`interview-test/${responseId}-take${take}.webm`, bytes);
    await getDb().uploadSession.create({
      data: { responseId, take, contentType: "video/webm", receivedBytes: BigInt(bytes.length), nextChunk: 1, status: "COMPLETE", storageKey },
    });
    await getDb().mediaAsset.upsert({
      where: { responseId_kind: { responseId, kind: "RECORDING" } },
      update: { storageKey, storageDriver, sizeBytes: BigInt(bytes.length), durationMs: null },
      create: { responseId, kind: "RECORDING", storageDriver, storageKey, contentType: "video/webm", sizeBytes: BigInt(bytes.length) },
    });
  }

  it("are submitted without decoding, and the pipeline's probe measures each once, whatever the browser claimed", async () => {
    const { token, invitation, responses } = await makeInterview({ consent: true, questions: [{ type: "VIDEO" }, { type: "TEXT" }] });
    const api = await anonymous();
    const responseId = responses[0]!.id;
    const { take } = await api.interview.startTake({ token, responseId });
    await uploaded(responseId, take, webm);
    const measuredBefore = measurements();

    const result = await api.interview.submitVideo({ token, responseId, take });
    expect(result).toEqual({ responseId, status: "UPLOADED", durationMs: null, failureReason: null, completed: false });
    expect(measurements()).toBe(measuredBefore);
    const saved = await getDb().response.findUniqueOrThrow({ where: { id: responseId } });
    expect(saved.status).toBe("UPLOADED");
    expect(saved.submittedAt).toBeInstanceOf(Date);
    expect(await events(invitation.id)).toEqual([{ name: "response.submitted", payload: { responseId, invitationId: invitation.id } }]);
    // A retry (its reply lost, or timed out) gets the same answer and writes nothing more.
    expect(await api.interview.submitVideo({ token, responseId, take })).toEqual(result);
    expect(await events(invitation.id)).toHaveLength(1);

    await processResponseMedia(getDb(), responseId);
    expect(measurements()).toBe(measuredBefore + 1);
    const measured = await getDb().response.findUniqueOrThrow({ where: { id: responseId }, include: { mediaAssets: { where: { kind: "RECORDING" } } } });
    expect(Math.abs(measured.durationMs! - 3200)).toBeLessThan(200);
    expect(measured.mediaAssets[0]?.durationMs).toBe(measured.durationMs);
    // The step run again (a retry, a replay after a crash) does not decode the recording again.
    await processResponseMedia(getDb(), responseId);
    expect(measurements()).toBe(measuredBefore + 1);
  });

  it("a file that does not decode is still submitted; the pipeline's probe gives the reason, and the interview finishes", async () => {
    const { token, invitation, responses } = await makeInterview({ consent: true, questions: [{ type: "VIDEO" }] });
    const api = await anonymous();
    const responseId = responses[0]!.id;
    const { take } = await api.interview.startTake({ token, responseId });
    await uploaded(responseId, take, Buffer.from("this is not a recording ".repeat(200)));

    const result = await api.interview.submitVideo({ token, responseId, take });
    expect(result).toMatchObject({ status: "UPLOADED", completed: true });
    expect((await events(invitation.id)).map((e) => e.name)).toEqual(["response.submitted", "interview.completed"]);
    expect((await getDb().invitation.findUniqueOrThrow({ where: { id: invitation.id } })).status).toBe("COMPLETED");
    // Submitted again after the interview completed: still the same answer, not "already complete".
    expect(await api.interview.submitVideo({ token, responseId, take })).toEqual(result);
    await expect(processResponseMedia(getDb(), responseId)).rejects.toMatchObject({ name: "MediaProcessingError" });
  });

  // The browser's path: the upload routes take the chunks, then the interview measures the file on submission.
  const uploads = "http://localhost:3000/api/uploads";
  const headers = (token: string, extra: Record<string, string> = {}) => ({ "x-interview-token": token, ...extra });

  async function startUploadRoute(token: string, responseId: string, take: number) {
    const response = await startRoute(
      new Request(uploads, {
        method: "POST",
        headers: headers(token, { "content-type": "application/json" }),
        body: JSON.stringify({ responseId, take, contentType: "video/webm;codecs=vp8,opus" }),
      }),
    );
    return { status: response.status, body: (await response.json()) as { uploadId: string; nextChunk: number; error?: { code: string } } };
  }

  it("a recording sent in chunks through the upload routes is stored whole and measured by the pipeline", async () => {
    const { token, responses } = await makeInterview({ consent: true, questions: [{ type: "VIDEO" }, { type: "TEXT" }] });
    const api = await anonymous();
    const responseId = responses[0]!.id;
    const { take } = await api.interview.startTake({ token, responseId });
    const started = await startUploadRoute(token, responseId, take);
    expect(started.status).toBe(200);
    const { uploadId } = started.body;

    const size = Math.ceil(webm.length / 3);
    for (let index = 0; index * size < webm.length; index++) {
      const chunk = new Uint8Array(webm.subarray(index * size, (index + 1) * size));
      const request = new Request(`${uploads}/${uploadId}/chunks/${index}`, {
        method: "PUT",
        headers: headers(token, { "content-type": "application/octet-stream", "content-length": String(chunk.length) }),
        body: chunk,
      });
      expect((await chunkRoute(request, { params: Promise.resolve({ uploadId, index: String(index) }) })).status).toBe(200);
    }
    const completed = await completeRoute(
      new Request(`${uploads}/${uploadId}/complete`, {
        method: "POST",
        headers: headers(token, { "content-type": "application/json" }),
        body: JSON.stringify({ durationMs: 9000 }),
      }),
      { params: Promise.resolve({ uploadId }) },
    );
    expect(completed.status).toBe(200);

    const result = await api.interview.submitVideo({ token, responseId, take });
    expect(result.status).toBe("UPLOADED");
    await processResponseMedia(getDb(), responseId);
    const asset = await getDb().mediaAsset.findUniqueOrThrow({ where: { responseId_kind: { responseId, kind: "RECORDING" } } });
    expect(Number(asset.sizeBytes)).toBe(webm.length);
    // The browser's timing is replaced by the decoded length.
    expect(Math.abs(asset.durationMs! - 3200)).toBeLessThan(200);
    expect(Buffer.compare(await readStoredRecording(asset.storageKey, asset.storageDriver), webm)).toBe(0);
  });

  it("the upload routes refuse to start a recording before consent", async () => {
    const { token, responses } = await makeInterview();
    const refused = await startUploadRoute(token, responses[0]!.id, 1);
    expect(refused.status).toBe(403);
    expect(await getDb().uploadSession.count({ where: { responseId: responses[0]!.id } })).toBe(0);
  });
});
