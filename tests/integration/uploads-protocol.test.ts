import { createHash, randomBytes } from "node:crypto";
import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { POST as startRoute } from "@/app/api/uploads/route";
import { GET as statusRoute } from "@/app/api/uploads/[uploadId]/route";
import { PUT as chunkRoute } from "@/app/api/uploads/[uploadId]/chunks/[index]/route";
import { POST as completeRoute } from "@/app/api/uploads/[uploadId]/complete/route";
import { GET as mediaRoute } from "@/app/api/media/[...key]/route";
import { resetEnvForTests } from "@/server/config/env";
import { getDb, type InvitationStatus } from "@/server/db/client";
import { createInvitationToken } from "@/server/invitations/token";
import { getStorage } from "@/server/storage";
import { appendChunk, completeUpload, startUpload } from "@/server/uploads/protocol";
import { stagingPath } from "@/server/uploads/staging";

const db = () => getDb();
const KIB = 1024;
const MIB = 1024 * KIB;
let storageDir: string;
let seq = 0;

beforeAll(async () => {
  storageDir = await mkdtemp(path.join(tmpdir(), "uploads-protocol-"));
  process.env.STORAGE_DIR = storageDir;
  delete process.env.BLOB_READ_WRITE_TOKEN;
  delete process.env.UPLOADTHING_TOKEN;
  delete process.env.UPLOAD_MAX_MB;
  resetEnvForTests();
});

afterAll(async () => {
  await rm(storageDir, { recursive: true, force: true });
});

beforeEach(() => {
  delete process.env.UPLOAD_MAX_MB;
});

/** An interview as sending one leaves it, written straight to the database: two video questions and a text one. */
async function makeInterview(opts: { status?: InvitationStatus; expiresAt?: Date; consent?: boolean } = {}) {
  seq += 1;
  const org = await db().organization.create({ data: { name: `Uploads ${seq}`, slug: `uploads-${seq}-${Date.now()}` } });
  const questions = [
    { id: `q${seq}-1`, position: 0, prompt: "Tell us about a hard bug.", type: "VIDEO" as const },
    { id: `q${seq}-2`, position: 1, prompt: "Why this team?", type: "VIDEO" as const },
    { id: `q${seq}-3`, position: 2, prompt: "Your testing strategy?", type: "TEXT" as const },
  ].map((q) => ({ ...q, timeLimitSec: 120, thinkTimeSec: 30, retakes: 1, maxChars: null, criteria: "" }));
  const snapshot = { title: "Engineer", description: "Build things.", rubric: [], questions };
  const template = await db().template.create({
    data: { organizationId: org.id, title: "Engineer", description: "Build things.", rubric: [], status: "PUBLISHED" },
  });
  const version = await db().templateVersion.create({
    data: { templateId: template.id, version: 1, snapshot, hash: createHash("sha256").update(JSON.stringify(snapshot)).digest("hex") },
  });
  const { token, hash } = createInvitationToken();
  const invitation = await db().invitation.create({
    data: {
      organizationId: org.id,
      templateId: template.id,
      templateVersionId: version.id,
      candidateName: "Casey",
      candidateEmail: `casey${seq}@example.com`,
      tokenHash: hash,
      status: opts.status ?? "IN_PROGRESS",
      expiresAt: opts.expiresAt ?? new Date(Date.now() + 7 * 24 * 3600 * 1000),
      consentAt: opts.consent === false ? null : new Date(),
    },
  });
  await db().response.createMany({
    data: questions.map((q) => ({ invitationId: invitation.id, questionId: q.id, position: q.position, type: q.type, takesUsed: q.type === "VIDEO" ? 1 : 0 })),
  });
  const responses = await db().response.findMany({ where: { invitationId: invitation.id }, orderBy: { position: "asc" } });
  return { token, invitation, organizationId: org.id, video: responses[0]!, video2: responses[1]!, text: responses[2]! };
}

/** Recording bytes: the WebM signature, then noise. */
function webm(size: number): Buffer {
  const bytes = randomBytes(size);
  Buffer.from([0x1a, 0x45, 0xdf, 0xa3]).copy(bytes);
  return bytes;
}

const URL_BASE = "http://localhost:3000/api/uploads";

async function json(response: Response) {
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}

async function start(token: string | null, body: Record<string, unknown>) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (token !== null) headers["x-interview-token"] = token;
  return json(await startRoute(new Request(URL_BASE, { method: "POST", headers, body: JSON.stringify(body) })));
}

async function put(token: string, uploadId: string, index: number, bytes: Buffer) {
  const request = new Request(`${URL_BASE}/${uploadId}/chunks/${index}`, {
    method: "PUT",
    headers: { "x-interview-token": token, "content-type": "application/octet-stream", "content-length": String(bytes.length) },
    body: new Uint8Array(bytes),
  });
  return json(await chunkRoute(request, { params: Promise.resolve({ uploadId, index: String(index) }) }));
}

async function status(token: string, uploadId: string) {
  return json(
    await statusRoute(new Request(`${URL_BASE}/${uploadId}`, { headers: { "x-interview-token": token } }), { params: Promise.resolve({ uploadId }) }),
  );
}

async function complete(token: string, uploadId: string, body: Record<string, unknown> = {}) {
  const request = new Request(`${URL_BASE}/${uploadId}/complete`, {
    method: "POST",
    headers: { "x-interview-token": token, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return json(await completeRoute(request, { params: Promise.resolve({ uploadId }) }));
}

async function stagedBytes(uploadId: string): Promise<number | null> {
  return stat(stagingPath(uploadId)).then(
    (s) => s.size,
    () => null,
  );
}

async function session(uploadId: string) {
  return db().uploadSession.findUniqueOrThrow({ where: { id: uploadId } });
}

describe("chunked uploads over the routes", () => {
  it("reassembles several chunks byte for byte, stores them and records the RECORDING asset", async () => {
    const { token, invitation, organizationId, video } = await makeInterview();
    const started = await start(token, { responseId: video.id, take: 1, contentType: "video/webm;codecs=vp8,opus", declaredSize: 300 * KIB });
    expect(started).toMatchObject({ status: 200, body: { nextChunk: 0, receivedBytes: 0, status: "OPEN", contentType: "video/webm;codecs=vp8,opus" } });
    const uploadId = started.body.uploadId as string;

    const chunks = [webm(200 * KIB), randomBytes(64 * KIB), randomBytes(37)];
    for (const [index, chunk] of chunks.entries()) {
      const answer = await put(token, uploadId, index, chunk);
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({ uploadId, nextChunk: index + 1, duplicate: false });
    }
    const whole = Buffer.concat(chunks);
    expect((await status(token, uploadId)).body).toMatchObject({ nextChunk: 3, receivedBytes: whole.length, status: "OPEN" });

    const done = await complete(token, uploadId, { durationMs: 4_200 });
    const key = `recordings/${organizationId}/${invitation.id}/${video.id}-take1.webm`;
    expect(done).toMatchObject({
      status: 200,
      body: { status: "COMPLETE", asset: { kind: "RECORDING", sizeBytes: whole.length, durationMs: 4_200 } },
    });
    // Finding 4: the candidate learns nothing of where the file lives, which names the organization.
    expect(done.body.asset).not.toHaveProperty("storageKey");
    expect(done.body.asset).not.toHaveProperty("storageDriver");
    expect(JSON.stringify(done.body)).not.toContain(organizationId);

    const stored = await readFile(path.join(storageDir, key));
    expect(stored.equals(whole)).toBe(true);
    expect(await stagedBytes(uploadId)).toBeNull();
    expect(await session(uploadId)).toMatchObject({ status: "COMPLETE", storageKey: key, nextChunk: 3, receivedBytes: BigInt(whole.length) });
    const asset = await db().mediaAsset.findUniqueOrThrow({ where: { responseId_kind: { responseId: video.id, kind: "RECORDING" } } });
    expect(asset).toMatchObject({ organizationId, storageKey: key, contentType: "video/webm;codecs=vp8,opus", sizeBytes: BigInt(whole.length) });

    // A completion whose reply was lost is simply answered again.
    const again = await complete(token, uploadId, { durationMs: 4_200 });
    expect(again.body.asset).toMatchObject({ id: asset.id });

    // The stored recording plays through its signed URL, seeking included.
    const url = new URL(await getStorage().signedUrl(key, { expiresInSec: 60, contentType: asset.contentType }));
    const ranged = await mediaRoute(new Request(url, { headers: { range: "bytes=1000-1999" } }), { params: Promise.resolve({ key: key.split("/") }) });
    expect(ranged.status).toBe(206);
    expect(Buffer.from(await ranged.arrayBuffer()).equals(whole.subarray(1000, 2000))).toBe(true);
  });

  it("resumes after a lost reply: the repeated chunk is acknowledged, not written twice", async () => {
    const { token, organizationId, invitation, video } = await makeInterview();
    const uploadId = (await start(token, { responseId: video.id, take: 1, contentType: "video/webm" })).body.uploadId as string;
    const chunks = [webm(50 * KIB), randomBytes(40 * KIB), randomBytes(30 * KIB)];
    await put(token, uploadId, 0, chunks[0]!);
    await put(token, uploadId, 1, chunks[1]!);

    // The reply to chunk 1 never reached the browser, so it sends chunk 1 again.
    const repeat = await put(token, uploadId, 1, chunks[1]!);
    expect(repeat).toMatchObject({ status: 200, body: { nextChunk: 2, receivedBytes: 90 * KIB, duplicate: true } });
    expect(await stagedBytes(uploadId)).toBe(90 * KIB);

    // A different chunk under the old index is not a retry.
    const impostor = await put(token, uploadId, 1, randomBytes(10));
    expect(impostor).toMatchObject({ status: 409, body: { error: { code: "CONFLICT", expectedChunk: 2 } } });

    // The page reloads: starting again finds the same upload, and it carries on from chunk 2.
    const resumed = await start(token, { responseId: video.id, take: 1, contentType: "video/webm" });
    expect(resumed.body).toMatchObject({ uploadId, nextChunk: 2, receivedBytes: 90 * KIB });
    await put(token, uploadId, 2, chunks[2]!);
    expect((await complete(token, uploadId)).status).toBe(200);

    const stored = await readFile(path.join(storageDir, `recordings/${organizationId}/${invitation.id}/${video.id}-take1.webm`));
    expect(stored.equals(Buffer.concat(chunks))).toBe(true);
  });

  it("refuses a chunk out of order with the expected index, and writes nothing", async () => {
    const { token, video } = await makeInterview();
    const uploadId = (await start(token, { responseId: video.id, take: 1, contentType: "video/webm" })).body.uploadId as string;
    await put(token, uploadId, 0, webm(1000));

    const skipped = await put(token, uploadId, 2, randomBytes(500));
    expect(skipped.status).toBe(409);
    expect(skipped.body.error).toMatchObject({ code: "CONFLICT", expectedChunk: 1 });
    expect(skipped.body.error.message).toMatch(/expected chunk 1/);
    expect(await stagedBytes(uploadId)).toBe(1000);
    expect(await session(uploadId)).toMatchObject({ nextChunk: 1, receivedBytes: 1000n });
  });

  it("acknowledges two simultaneous copies of a chunk once and stores it once", async () => {
    const { token, video } = await makeInterview();
    const uploadId = (await start(token, { responseId: video.id, take: 1, contentType: "video/webm" })).body.uploadId as string;
    const chunk = webm(300 * KIB);
    const [a, b] = await Promise.all([put(token, uploadId, 0, chunk), put(token, uploadId, 0, chunk)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect([a.body.duplicate, b.body.duplicate].sort()).toEqual([false, true]);
    expect(await stagedBytes(uploadId)).toBe(chunk.length);
  });

  it("refuses an oversize chunk and a recording that grows past the limit", async () => {
    const { token, video, video2 } = await makeInterview();
    const uploadId = (await start(token, { responseId: video.id, take: 1, contentType: "video/webm" })).body.uploadId as string;
    const huge = await put(token, uploadId, 0, webm(8 * MIB + 1));
    expect(huge).toMatchObject({ status: 413, body: { error: { code: "TOO_LARGE" } } });
    expect(huge.body.error.message).toMatch(/8 MiB/);
    expect(await stagedBytes(uploadId)).toBeNull();

    process.env.UPLOAD_MAX_MB = "1";
    expect(await start(token, { responseId: video2.id, take: 1, contentType: "video/webm", declaredSize: 2 * MIB })).toMatchObject({
      status: 413,
      body: { error: { code: "TOO_LARGE" } },
    });
    const small = (await start(token, { responseId: video2.id, take: 1, contentType: "video/webm" })).body.uploadId as string;
    expect((await put(token, small, 0, webm(600 * KIB))).status).toBe(200);
    const over = await put(token, small, 1, randomBytes(600 * KIB));
    expect(over).toMatchObject({ status: 413, body: { error: { code: "TOO_LARGE" } } });
    expect(over.body.error.message).toMatch(/1 MiB/);
    expect(await stagedBytes(small)).toBe(600 * KIB);
  });

  it("refuses content types other than WebM and MP4, and a first chunk that is not what it claims", async () => {
    const { token, video } = await makeInterview();
    for (const contentType of ["video/ogg", "text/html", "video/webm;charset=utf-8"]) {
      const refused = await start(token, { responseId: video.id, take: 1, contentType });
      expect(refused, contentType).toMatchObject({ status: 415, body: { error: { code: "BAD_TYPE" } } });
    }
    const uploadId = (await start(token, { responseId: video.id, take: 1, contentType: "video/webm" })).body.uploadId as string;
    const html = await put(token, uploadId, 0, Buffer.from("<html><script>alert(1)</script></html>"));
    expect(html).toMatchObject({ status: 415, body: { error: { code: "BAD_TYPE" } } });
    expect(await stagedBytes(uploadId)).toBe(0);
    expect(await session(uploadId)).toMatchObject({ nextChunk: 0, receivedBytes: 0n });
  });

  it("refuses the chunk after the most a recording may have", async () => {
    const { video } = await makeInterview();
    const limits = { maxChunks: 3 };
    const { uploadId } = await startUpload({ responseId: video.id, take: 1, contentType: "video/webm" });
    for (let index = 0; index < 3; index++) {
      const bytes = index === 0 ? webm(100) : randomBytes(100);
      await appendChunk({ uploadId, index, body: Readable.from([bytes]), contentLength: bytes.length }, { limits });
    }
    await expect(appendChunk({ uploadId, index: 3, body: Readable.from([randomBytes(100)]), contentLength: 100 }, { limits })).rejects.toMatchObject({
      code: "TOO_MANY_CHUNKS",
      status: 413,
    });
    expect(await stagedBytes(uploadId)).toBe(300);
  });

  it("cuts the file back when a chunk arrives incomplete or its commit fails", async () => {
    const { video } = await makeInterview();
    const { uploadId } = await startUpload({ responseId: video.id, take: 1, contentType: "video/webm" });
    await appendChunk({ uploadId, index: 0, body: Readable.from([webm(1000)]), contentLength: 1000 });

    await expect(appendChunk({ uploadId, index: 1, body: Readable.from([randomBytes(300)]), contentLength: 500 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    expect(await stagedBytes(uploadId)).toBe(1000);

    const failingDb = new Proxy(getDb(), {
      get(target, prop, receiver) {
        if (prop !== "uploadSession") return Reflect.get(target, prop, receiver);
        return new Proxy(target.uploadSession, {
          get(model, method, r) {
            if (method === "updateMany") return () => Promise.reject(new Error("the database went away"));
            return Reflect.get(model, method, r);
          },
        });
      },
    });
    await expect(appendChunk({ uploadId, index: 1, body: Readable.from([randomBytes(500)]), contentLength: 500 }, { db: failingDb })).rejects.toThrow(
      /went away/,
    );
    expect(await stagedBytes(uploadId)).toBe(1000);
    expect(await session(uploadId)).toMatchObject({ nextChunk: 1, receivedBytes: 1000n });

    const ok = await appendChunk({ uploadId, index: 1, body: Readable.from([randomBytes(500)]), contentLength: 500 });
    expect(ok).toMatchObject({ nextChunk: 2, receivedBytes: 1500, duplicate: false });
  });

  it("drops a chunk whose body stops arriving, and reads the signature across packets", async () => {
    const { video } = await makeInterview();
    const { uploadId } = await startUpload({ responseId: video.id, take: 1, contentType: "video/webm" });
    const stalled = new Readable({ read() {} });
    stalled.push(webm(100));
    const started = Date.now();
    await expect(appendChunk({ uploadId, index: 0, body: stalled, contentLength: 1000 }, { limits: { idleTimeoutMs: 200 } })).rejects.toMatchObject({
      code: "TIMEOUT",
      status: 408,
    });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(await stagedBytes(uploadId)).toBe(0);

    const signature = webm(12);
    const pieces = [signature.subarray(0, 1), signature.subarray(1, 3), signature.subarray(3)];
    expect(await appendChunk({ uploadId, index: 0, body: Readable.from(pieces), contentLength: 12 })).toMatchObject({ nextChunk: 1, receivedBytes: 12 });
  });

  it("asks for the whole recording again when the staged bytes were lost", async () => {
    const { token, video } = await makeInterview();
    const uploadId = (await start(token, { responseId: video.id, take: 1, contentType: "video/webm" })).body.uploadId as string;
    await put(token, uploadId, 0, webm(2000));
    await writeFile(stagingPath(uploadId), "");
    const lost = await put(token, uploadId, 1, randomBytes(100));
    expect(lost).toMatchObject({ status: 409, body: { error: { code: "CONFLICT", expectedChunk: 0 } } });
    expect((await status(token, uploadId)).body).toMatchObject({ nextChunk: 0, receivedBytes: 0 });
    expect((await put(token, uploadId, 0, webm(2000))).body).toMatchObject({ nextChunk: 1, receivedBytes: 2000 });
  });

  it("replaces the recording of an earlier take and deletes its file", async () => {
    const { token, organizationId, invitation, video } = await makeInterview();
    const first = (await start(token, { responseId: video.id, take: 1, contentType: "video/webm" })).body.uploadId as string;
    await put(token, first, 0, webm(1000));
    await complete(token, first);
    const firstKey = `recordings/${organizationId}/${invitation.id}/${video.id}-take1.webm`;
    expect(await getStorage().stat(firstKey)).toMatchObject({ size: 1000 });

    // Take 2 only once the interview has handed it out.
    expect(await start(token, { responseId: video.id, take: 2, contentType: "video/webm" })).toMatchObject({
      status: 409,
      body: { error: { code: "CONFLICT" } },
    });
    await db().response.update({ where: { id: video.id }, data: { takesUsed: 2 } });
    const second = (await start(token, { responseId: video.id, take: 2, contentType: "video/webm" })).body.uploadId as string;
    await put(token, second, 0, webm(700));
    const done = await complete(token, second);
    expect(done.body.asset).toMatchObject({ sizeBytes: 700 });
    expect(await getStorage().stat(`recordings/${organizationId}/${invitation.id}/${video.id}-take2.webm`)).toMatchObject({ size: 700 });
    expect(await getStorage().stat(firstKey)).toBeNull();
    expect(await db().mediaAsset.count({ where: { responseId: video.id } })).toBe(1);
  });

  it("abandons an unfinished earlier take when the next one starts", async () => {
    const { token, video } = await makeInterview();
    const first = (await start(token, { responseId: video.id, take: 1, contentType: "video/webm" })).body.uploadId as string;
    await put(token, first, 0, webm(1000));
    await db().response.update({ where: { id: video.id }, data: { takesUsed: 2 } });
    await start(token, { responseId: video.id, take: 2, contentType: "video/webm" });
    expect(await session(first)).toMatchObject({ status: "ABORTED" });
    expect(await stagedBytes(first)).toBeNull();
    expect(await put(token, first, 1, randomBytes(10))).toMatchObject({ status: 410, body: { error: { code: "CLOSED" } } });
  });

  it("completes only what arrived, within the duration limit", async () => {
    const { token, video } = await makeInterview();
    const uploadId = (await start(token, { responseId: video.id, take: 1, contentType: "video/webm" })).body.uploadId as string;
    expect(await complete(token, uploadId)).toMatchObject({ status: 422, body: { error: { code: "EMPTY" } } });
    await put(token, uploadId, 0, webm(100));
    expect(await complete(token, uploadId, { durationMs: 2 * 60 * 60 * 1000 })).toMatchObject({ status: 422, body: { error: { code: "TOO_LONG" } } });
    expect(await complete(token, uploadId, { durationMs: -1 })).toMatchObject({ status: 400, body: { error: { code: "BAD_REQUEST" } } });
    await expect(completeUpload({ uploadId: "no-such-upload" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("who may upload", () => {
  it("needs the interview link's token", async () => {
    const { video } = await makeInterview();
    expect(await start(null, { responseId: video.id, take: 1, contentType: "video/webm" })).toMatchObject({
      status: 401,
      body: { error: { code: "UNAUTHORIZED" } },
    });
    expect(await start(createInvitationToken().token, { responseId: video.id, take: 1, contentType: "video/webm" })).toMatchObject({
      status: 401,
      body: { error: { code: "UNAUTHORIZED" } },
    });
  });

  it("refuses cancelled, completed and expired invitations, and uploads before consent", async () => {
    for (const [opts, code, status] of [
      [{ status: "CANCELLED" }, "CLOSED", 410],
      [{ status: "COMPLETED" }, "CLOSED", 410],
      [{ status: "EXPIRED" }, "CLOSED", 410],
      [{ status: "IN_PROGRESS", expiresAt: new Date(Date.now() - 1000) }, "CLOSED", 410],
      [{ consent: false }, "FORBIDDEN", 403],
    ] as const) {
      const { token, video } = await makeInterview(opts);
      const refused = await start(token, { responseId: video.id, take: 1, contentType: "video/webm" });
      expect(refused, JSON.stringify(opts)).toMatchObject({ status, body: { error: { code } } });
      expect(refused.body.error.message.length).toBeGreaterThan(20);
    }
  });

  // Chunks are accepted on a check of the link up to 5 s old (uploads-chunk-queries.test.ts shows
  // them refused after that); completing, which is what makes the recording an answer, is checked at once.
  it("stops an upload under way when the interview is cancelled: it can no longer be completed", async () => {
    const { token, invitation, video } = await makeInterview();
    const uploadId = (await start(token, { responseId: video.id, take: 1, contentType: "video/webm" })).body.uploadId as string;
    await put(token, uploadId, 0, webm(100));
    await db().invitation.update({ where: { id: invitation.id }, data: { status: "CANCELLED", cancelledAt: new Date() } });
    expect(await complete(token, uploadId)).toMatchObject({ status: 410, body: { error: { code: "CLOSED" } } });
    expect(await status(token, uploadId)).toMatchObject({ status: 410 });
  });

  it("refuses another invitation's response and upload as if they did not exist", async () => {
    const mine = await makeInterview();
    const theirs = await makeInterview();
    expect(await start(mine.token, { responseId: theirs.video.id, take: 1, contentType: "video/webm" })).toMatchObject({
      status: 404,
      body: { error: { code: "NOT_FOUND" } },
    });
    const theirUpload = (await start(theirs.token, { responseId: theirs.video.id, take: 1, contentType: "video/webm" })).body.uploadId as string;
    expect(await put(mine.token, theirUpload, 0, webm(100))).toMatchObject({ status: 404 });
    expect(await status(mine.token, theirUpload)).toMatchObject({ status: 404 });
    expect(await complete(mine.token, theirUpload)).toMatchObject({ status: 404 });
    expect(await stagedBytes(theirUpload)).toBeNull();
  });

  it("refuses recordings for text questions and for answers already submitted", async () => {
    const { token, video, text } = await makeInterview();
    expect(await start(token, { responseId: text.id, take: 1, contentType: "video/webm" })).toMatchObject({
      status: 415,
      body: { error: { code: "BAD_TYPE" } },
    });
    await db().response.update({ where: { id: video.id }, data: { submittedAt: new Date(), status: "UPLOADED" } });
    expect(await start(token, { responseId: video.id, take: 1, contentType: "video/webm" })).toMatchObject({
      status: 410,
      body: { error: { code: "CLOSED" } },
    });
  });

  it("answers malformed requests with BAD_REQUEST", async () => {
    const { token, video } = await makeInterview();
    expect(await start(token, { responseId: video.id, take: 0, contentType: "video/webm" })).toMatchObject({
      status: 400,
      body: { error: { code: "BAD_REQUEST" } },
    });
    const notJson = await startRoute(new Request(URL_BASE, { method: "POST", headers: { "x-interview-token": token }, body: "{nope" }));
    expect(notJson.status).toBe(400);
    const uploadId = (await start(token, { responseId: video.id, take: 1, contentType: "video/webm" })).body.uploadId as string;
    const badIndex = await chunkRoute(
      new Request(`${URL_BASE}/${uploadId}/chunks/x`, { method: "PUT", headers: { "x-interview-token": token }, body: "abc" }),
      {
        params: Promise.resolve({ uploadId, index: "x" }),
      },
    );
    expect(badIndex.status).toBe(400);
  });
});
