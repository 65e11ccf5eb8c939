import { randomBytes } from "node:crypto";
import { mkdtemp, readdir, rm, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetEnvForTests } from "@/server/config/env";
import { getDb } from "@/server/db/client";
import { stagingDir } from "@/server/storage/local";
import { cleanStaging } from "@/server/uploads/staging-cleanup";
import { appendChunk, startUpload } from "@/server/uploads/protocol";
import { stagingPath } from "@/server/uploads/staging";
import { makeInterview } from "../fixtures/interview";

// Finding 5 of issue 13: a cancelled upload left its staging file on disk (up to 500 MiB a take).
let storageDir: string;

beforeAll(async () => {
  storageDir = await mkdtemp(path.join(tmpdir(), "staging-cleanup-"));
  process.env.STORAGE_DIR = storageDir;
  delete process.env.BLOB_READ_WRITE_TOKEN;
  delete process.env.UPLOADTHING_TOKEN;
  resetEnvForTests();
});

afterAll(async () => {
  await rm(storageDir, { recursive: true, force: true });
});

function webm(size: number): Buffer {
  const bytes = randomBytes(size);
  Buffer.from([0x1a, 0x45, 0xdf, 0xa3]).copy(bytes);
  return bytes;
}

async function stagedUpload() {
  const interview = await makeInterview({ consent: true, status: "IN_PROGRESS" });
  const video = interview.responses.find((r) => r.type === "VIDEO")!;
  await getDb().response.update({ where: { id: video.id }, data: { takesUsed: 1 } });
  const { uploadId } = await startUpload({ responseId: video.id, take: 1, contentType: "video/webm" });
  const chunk = webm(50 * 1024);
  await appendChunk({ uploadId, index: 0, body: Readable.from([chunk]), contentLength: chunk.length });
  return { ...interview, uploadId };
}

const staged = async () => new Set(await readdir(stagingDir()).catch(() => []));

describe("cleaning staged uploads", () => {
  it("frees the staged bytes of uploads to cancelled, expired or aborted interviews, and of files no upload owns; open ones stay", async () => {
    const db = getDb();
    const cancelled = await stagedUpload();
    await db.invitation.update({ where: { id: cancelled.invitation.id }, data: { status: "CANCELLED", cancelledAt: new Date() } });
    const expired = await stagedUpload();
    await db.invitation.update({ where: { id: expired.invitation.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const aborted = await stagedUpload();
    await db.uploadSession.update({ where: { id: aborted.uploadId }, data: { status: "ABORTED" } });
    const open = await stagedUpload();
    const orphan = path.join(stagingDir(), "gone-upload.part");
    await writeFile(orphan, "bytes of an upload whose row was deleted");
    const hourAgo = new Date(Date.now() - 2 * 3600 * 1000);
    await utimes(orphan, hourAgo, hourAgo);
    const fresh = path.join(stagingDir(), "just-starting.part");
    await writeFile(fresh, "an upload being created this very moment");

    const before = await staged();
    for (const u of [cancelled, expired, aborted, open]) expect(before.has(path.basename(stagingPath(u.uploadId)))).toBe(true);

    const outcome = await cleanStaging(db);
    const after = await staged();
    for (const u of [cancelled, expired, aborted]) expect(after.has(path.basename(stagingPath(u.uploadId)))).toBe(false);
    expect(after.has(path.basename(stagingPath(open.uploadId)))).toBe(true);
    expect(after.has("gone-upload.part")).toBe(false);
    expect(after.has("just-starting.part")).toBe(true);
    expect(outcome.closed).toBeGreaterThanOrEqual(2);
    expect(await db.uploadSession.findUniqueOrThrow({ where: { id: cancelled.uploadId } })).toMatchObject({ status: "ABORTED" });
    expect(await db.uploadSession.findUniqueOrThrow({ where: { id: open.uploadId } })).toMatchObject({ status: "OPEN" });
  });
});
