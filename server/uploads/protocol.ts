// The chunked upload of one recorded answer (one take of one response), assembled on the server.
//
//   startUpload     opens the UploadSession of (response, take), or returns the one already open:
//                   calling it again after a reload is how an upload resumes.
//   appendChunk     chunk `index` must be the session's `nextChunk`. Its body streams into
//                   STORAGE_DIR/staging/<uploadId>.part (append mode, fsync'd), then one guarded
//                   UPDATE … WHERE nextChunk = index commits it. If the commit fails the file is
//                   cut back, so the file and `receivedBytes` always agree. A repeat of
//                   `nextChunk - 1` with the same length is the retry of a chunk whose reply was
//                   lost and is acknowledged without writing; any other index is a CONFLICT
//                   carrying the expected one.
//   getUploadStatus what the server has (nextChunk, receivedBytes): the client resumes from it.
//   completeUpload  hands the staging file to the configured Storage (a rename on local disk)
//                   and, in one transaction, marks the session COMPLETE and points the
//                   response's RECORDING MediaAsset at it. Repeating it returns the same asset.
//
// Over HTTP (app/api/uploads; every request carries the link's token as x-interview-token):
//   POST /api/uploads                          {responseId, take, contentType, declaredSize?}
//   PUT  /api/uploads/:uploadId/chunks/:index  raw bytes with a Content-Length, at most 8 MiB
//   GET  /api/uploads/:uploadId                where it stands
//   POST /api/uploads/:uploadId/complete       {durationMs?}
// each answering {uploadId, responseId, take, contentType, status, nextChunk, receivedBytes}
// (the chunk adds `duplicate`, completion `asset`), or {error: {code, message}} (errors.ts).
//
// Nothing is held in memory beyond two 1 MiB write buffers, whatever the file's size. The staging files
// sit on this server's disk, so all chunks of an upload must reach the same server process (one
// Node server, or sticky routing); the per-upload lock (lock.ts) assumes the same.
// Callers authorize first (authorize.ts): these functions trust the ids they are given.

import { getDb, Prisma, type Db, type MediaAsset, type UploadSession, type UploadStatus } from "../db/client";
import { getStorage, isStorageDriver, sanitizeKey, storageForDriver, type Storage, type StorageBody } from "../storage";
import { UploadError } from "./errors";
import { parseRecordingType, uploadLimits, type UploadLimits } from "./limits";
import { withUploadLock } from "./lock";
import { appendToStaging, readLastChunk, removeStaging, StagingLostError, stagedSize, stagingPath, truncateStaging, writeLastChunk } from "./staging";
import { metrics } from "../metrics/registry";
import { logger } from "@/server/logging/logger";

export type UploadDeps = {
  db?: Db;
  storage?: Storage;
  limits?: Partial<UploadLimits>;
};

export type UploadProgress = {
  uploadId: string;
  responseId: string;
  take: number;
  contentType: string;
  status: UploadStatus;
  nextChunk: number;
  receivedBytes: number;
};

export type StartUploadInput = { responseId: string; take: number; contentType: string; declaredSize?: number };
export type AppendChunkInput = { uploadId: string; index: number; body: StorageBody; contentLength: number };
export type CompleteUploadInput = { uploadId: string; durationMs?: number };

const MIB = 1024 * 1024;
const mib = (bytes: number) => `${Math.round((bytes / MIB) * 10) / 10} MiB`;

function progress(session: UploadSession): UploadProgress {
  return {
    uploadId: session.id,
    responseId: session.responseId,
    take: session.take,
    contentType: session.contentType,
    status: session.status,
    nextChunk: session.nextChunk,
    receivedBytes: Number(session.receivedBytes),
  };
}

function badType(contentType: string): UploadError {
  return new UploadError("BAD_TYPE", `Recordings must be WebM or MP4 (video/webm, video/mp4 or audio/webm), not "${contentType}".`);
}

function closed(session: UploadSession): UploadError {
  return session.status === "COMPLETE"
    ? new UploadError("CLOSED", "This recording has already been uploaded in full.")
    : new UploadError("CLOSED", "This recording was replaced by a newer one, so it takes no more data.");
}

function conflict(expectedChunk: number, message: string): UploadError {
  return new UploadError("CONFLICT", message, { expectedChunk });
}

async function findSession(db: Db, uploadId: string): Promise<UploadSession> {
  const session = await db.uploadSession.findUnique({ where: { id: uploadId } });
  if (!session) throw new UploadError("NOT_FOUND", "This upload does not exist. Start the recording's upload again.");
  return session;
}

/**
 * Starts over from chunk 0 when the staged bytes are gone (a wiped disk, another server): the
 * browser still has every chunk, so asking for all of them again loses nothing.
 */
async function restartFromScratch(db: Db, session: UploadSession): Promise<UploadError> {
  await db.uploadSession.updateMany({ where: { id: session.id, nextChunk: session.nextChunk, status: "OPEN" }, data: { nextChunk: 0, receivedBytes: 0 } });
  await removeStaging(session.id);
  return conflict(0, "The server no longer has the start of this recording, so it is being uploaded again from the beginning.");
}

/** Older takes of the response stop taking data, and their staged bytes are freed. */
async function abortOlderTakes(db: Db, responseId: string, take: number): Promise<void> {
  const older = await db.uploadSession.findMany({ where: { responseId, take: { lt: take }, status: "OPEN" }, select: { id: true } });
  if (older.length === 0) return;
  await db.uploadSession.updateMany({ where: { id: { in: older.map((s) => s.id) }, status: "OPEN" }, data: { status: "ABORTED" } });
  await Promise.all(older.map((s) => withUploadLock(s.id, () => removeStaging(s.id))));
}

export async function startUpload(input: StartUploadInput, deps: UploadDeps = {}): Promise<UploadProgress> {
  const db = deps.db ?? getDb();
  const limits = uploadLimits(deps.limits);
  const type = parseRecordingType(input.contentType);
  if (!type) throw badType(input.contentType);
  if (input.declaredSize !== undefined && input.declaredSize > limits.maxTotalBytes) {
    throw new UploadError("TOO_LARGE", `This recording is ${mib(input.declaredSize)}; the most one answer may be is ${mib(limits.maxTotalBytes)}.`);
  }

  const response = await db.response.findUnique({
    where: { id: input.responseId },
    select: { id: true, takesUsed: true, invitationId: true, invitation: { select: { organizationId: true } } },
  });
  if (!response) throw new UploadError("NOT_FOUND", "This question is not part of your interview.");

  const where = { responseId_take: { responseId: response.id, take: input.take } };
  const existing = await db.uploadSession.findUnique({ where });
  if (existing) {
    if (parseRecordingType(existing.contentType)?.base !== type.base) {
      throw new UploadError("CONFLICT", `This recording's upload was started as ${existing.contentType}; it cannot continue as ${type.full}.`);
    }
    return progress(existing);
  }
  // Takes are handed out by the interview (startTake): uploading only the current one keeps the
  // number of stored recordings within the question's retakes.
  if (input.take !== response.takesUsed) {
    throw new UploadError(
      "CONFLICT",
      input.take > response.takesUsed ? "Start this recording before uploading it." : "A newer recording of this answer exists; only that one can be uploaded.",
    );
  }

  const storageKey = sanitizeKey(
    `recordings/${response.invitation.organizationId}/${response.invitationId}/${response.id}-take${input.take}.${type.extension}`,
  );
  let session: UploadSession;
  try {
    session = await db.uploadSession.create({ data: { responseId: response.id, take: input.take, contentType: type.full, storageKey } });
  } catch (error) {
    // Two tabs starting the same take at once: the unique (responseId, take) lets one create it.
    if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")) throw error;
    session = await db.uploadSession.findUniqueOrThrow({ where });
  }
  await abortOlderTakes(db, response.id, input.take);
  return progress(session);
}

export async function getUploadStatus(uploadId: string, deps: UploadDeps = {}): Promise<UploadProgress> {
  return progress(await findSession(deps.db ?? getDb(), uploadId));
}

export async function appendChunk(input: AppendChunkInput, deps: UploadDeps = {}): Promise<UploadProgress & { duplicate: boolean }> {
  const db = deps.db ?? getDb();
  const limits = uploadLimits(deps.limits);
  const { uploadId, index, contentLength } = input;
  if (!Number.isSafeInteger(index) || index < 0) throw new UploadError("BAD_REQUEST", "The chunk index must be a whole number from 0.");
  if (!Number.isSafeInteger(contentLength) || contentLength < 0) {
    throw new UploadError("BAD_REQUEST", "Send each chunk with a Content-Length header.");
  }
  if (contentLength === 0) throw new UploadError("EMPTY", "A chunk must hold at least one byte.");
  if (contentLength > limits.maxChunkBytes) {
    throw new UploadError("TOO_LARGE", `A chunk may be at most ${mib(limits.maxChunkBytes)}; this one is ${mib(contentLength)}.`);
  }

  return withUploadLock(uploadId, async () => {
    const session = await findSession(db, uploadId);
    if (session.status !== "OPEN") throw closed(session);

    if (index === session.nextChunk - 1) {
      const last = await readLastChunk(uploadId);
      if (last?.index === index && last.size === contentLength) return { ...progress(session), duplicate: true };
    }
    if (index !== session.nextChunk) {
      throw conflict(session.nextChunk, `The server expected chunk ${session.nextChunk}, not chunk ${index}. Continue from chunk ${session.nextChunk}.`);
    }
    if (index >= limits.maxChunks) {
      throw new UploadError("TOO_MANY_CHUNKS", `A recording may have at most ${limits.maxChunks} chunks.`);
    }
    const received = Number(session.receivedBytes);
    if (received + contentLength > limits.maxTotalBytes) {
      throw new UploadError("TOO_LARGE", `This recording has grown past ${mib(limits.maxTotalBytes)}, the most one answer may be.`);
    }

    let appended: { rollback: () => Promise<void> };
    try {
      appended = await appendToStaging(uploadId, input.body, {
        committedSize: received,
        contentLength,
        idleTimeoutMs: limits.idleTimeoutMs,
        signature: index === 0 ? (parseRecordingType(session.contentType)?.base ?? null) : null,
      });
    } catch (error) {
      if (error instanceof StagingLostError) throw await restartFromScratch(db, session);
      throw error;
    }
    try {
      await writeLastChunk(uploadId, { index, size: contentLength });
      const { count } = await db.uploadSession.updateMany({
        where: { id: uploadId, nextChunk: index, status: "OPEN" },
        data: { nextChunk: index + 1, receivedBytes: { increment: BigInt(contentLength) } },
      });
      if (count === 0) throw new UploadError("CONFLICT", "The upload changed while this chunk arrived. Ask for its status and continue from there.");
    } catch (error) {
      await appended.rollback();
      throw error;
    }
    metrics().uploadBytes.inc(contentLength);
    return { ...progress(session), nextChunk: index + 1, receivedBytes: received + contentLength, duplicate: false };
  });
}

async function recordingAsset(db: Db, responseId: string): Promise<MediaAsset | null> {
  return db.mediaAsset.findUnique({ where: { responseId_kind: { responseId, kind: "RECORDING" } } });
}

export async function completeUpload(input: CompleteUploadInput, deps: UploadDeps = {}): Promise<MediaAsset> {
  const db = deps.db ?? getDb();
  const storage = deps.storage ?? getStorage();
  const limits = uploadLimits(deps.limits);
  const { uploadId, durationMs } = input;
  if (durationMs !== undefined && durationMs > limits.maxDurationMs) {
    throw new UploadError(
      "TOO_LONG",
      `This recording is ${Math.round(durationMs / 60_000)} minutes long; the most one answer may be is ${Math.round(limits.maxDurationMs / 60_000)} minutes.`,
    );
  }

  return withUploadLock(uploadId, async () => {
    const session = await findSession(db, uploadId);
    if (session.status === "COMPLETE") {
      // The reply to the first completion was lost: the same answer again.
      const asset = await recordingAsset(db, session.responseId);
      if (asset) return asset;
    }
    if (session.status !== "OPEN") throw closed(session);
    const received = Number(session.receivedBytes);
    if (received === 0) throw new UploadError("EMPTY", "Nothing of this recording has arrived yet, so it cannot be completed.");

    const staged = await stagedSize(uploadId);
    let stored: { key: string; size: number };
    if (staged !== null && staged >= received) {
      if (staged > received) await truncateStaging(uploadId, received);
      stored = await storage.putFile(session.storageKey, stagingPath(uploadId), { contentType: session.contentType });
    } else {
      // A completion that stored the file but failed before its commit moved the staging file already.
      const info = await storage.stat(session.storageKey);
      if (info?.size !== received) throw await restartFromScratch(db, session);
      stored = { key: session.storageKey, size: info.size };
    }
    if (stored.size !== received) {
      throw new Error(`Storage holds ${stored.size} bytes of upload ${uploadId}, which received ${received}.`);
    }

    const { asset, previous } = await db.$transaction(async (tx) => {
      const { count } = await tx.uploadSession.updateMany({
        where: { id: uploadId, status: "OPEN", nextChunk: session.nextChunk },
        data: { status: "COMPLETE", storageKey: stored.key },
      });
      if (count === 0) throw new UploadError("CONFLICT", "The upload changed while it was being completed. Ask for its status and try again.");
      const response = await tx.response.findUniqueOrThrow({ where: { id: session.responseId }, select: { invitation: { select: { organizationId: true } } } });
      const previous = await tx.mediaAsset.findUnique({
        where: { responseId_kind: { responseId: session.responseId, kind: "RECORDING" } },
        select: { storageDriver: true, storageKey: true },
      });
      const data = {
        organizationId: response.invitation.organizationId,
        storageDriver: storage.driver,
        storageKey: stored.key,
        contentType: session.contentType,
        sizeBytes: BigInt(stored.size),
        durationMs: durationMs ?? null,
        // What the pipeline measured belongs to the take it measured.
        metadata: Prisma.DbNull,
      };
      const asset = await tx.mediaAsset.upsert({
        where: { responseId_kind: { responseId: session.responseId, kind: "RECORDING" } },
        create: { ...data, responseId: session.responseId, kind: "RECORDING" },
        update: data,
      });
      return { asset, previous };
    });

    await removeStaging(uploadId);
    if (previous && (previous.storageKey !== asset.storageKey || previous.storageDriver !== asset.storageDriver)) {
      await deleteReplaced(previous, storage);
    }
    return asset;
  });
}

/** The recording of an earlier take, now replaced: only the newest take can be submitted. */
async function deleteReplaced(previous: { storageDriver: string; storageKey: string }, current: Storage): Promise<void> {
  try {
    if (!isStorageDriver(previous.storageDriver)) return;
    const storage = previous.storageDriver === current.driver ? current : storageForDriver(previous.storageDriver);
    await storage.delete(previous.storageKey);
  } catch (error) {
    // The new recording is saved either way; an orphaned old file only costs space.
    logger.warn({ err: error, asset: previous }, "could not delete a replaced recording");
  }
}
