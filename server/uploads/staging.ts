import fs, { type FileHandle } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { stagingDir } from "../storage/local";
import type { StorageBody } from "../storage/types";
import { UploadError } from "./errors";
import { matchesSignature, SIGNATURE_BYTES, type AcceptedType } from "./limits";

// The upload's bytes so far, on local disk under STORAGE_DIR/staging:
//   <uploadId>.part  the chunks received, in order, exactly `receivedBytes` long once committed;
//   <uploadId>.last  {index, size} of the newest chunk, to recognise a retried one.

export function stagingPath(uploadId: string): string {
  return path.join(stagingDir(), `${uploadId}.part`);
}

function lastChunkPath(uploadId: string): string {
  return path.join(stagingDir(), `${uploadId}.last`);
}

export type LastChunk = { index: number; size: number };

export async function readLastChunk(uploadId: string): Promise<LastChunk | null> {
  try {
    const parsed = JSON.parse(await fs.readFile(lastChunkPath(uploadId), "utf8")) as Partial<LastChunk>;
    return typeof parsed.index === "number" && typeof parsed.size === "number" ? { index: parsed.index, size: parsed.size } : null;
  } catch {
    return null;
  }
}

/**
 * Written before the database commit of that chunk: the record only counts when its index is
 * `nextChunk - 1`, so a record left by a chunk whose commit failed is never believed.
 */
export async function writeLastChunk(uploadId: string, last: LastChunk): Promise<void> {
  await fs.writeFile(lastChunkPath(uploadId), JSON.stringify(last));
}

export async function stagedSize(uploadId: string): Promise<number | null> {
  try {
    return (await fs.stat(stagingPath(uploadId))).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

export async function truncateStaging(uploadId: string, size: number): Promise<void> {
  await fs.truncate(stagingPath(uploadId), size);
}

export async function removeStaging(uploadId: string): Promise<void> {
  await Promise.all([fs.rm(stagingPath(uploadId), { force: true }), fs.rm(lastChunkPath(uploadId), { force: true })]);
}

/** The staging file holds fewer bytes than the database says were received: it was lost or cut. */
export class StagingLostError extends Error {
  constructor(readonly uploadId: string) {
    super(`The staged bytes of upload ${uploadId} are missing.`);
    this.name = "StagingLostError";
  }
}

const FILE_SYSTEM_ERRORS = new Set(["ENOSPC", "EDQUOT", "EFBIG", "EIO", "EROFS", "EACCES", "EPERM", "EMFILE", "ENFILE", "EBADF"]);

/** Disk trouble is the server's fault (a 500); anything else breaking the stream is the request's. */
function isFileSystemError(error: unknown): boolean {
  return FILE_SYSTEM_ERRORS.has((error as NodeJS.ErrnoException | null)?.code ?? "");
}

export type AppendOptions = {
  /** What the file must hold before this chunk: the committed receivedBytes. */
  committedSize: number;
  contentLength: number;
  idleTimeoutMs: number;
  /** Checked on the first chunk only. */
  signature: AcceptedType | null;
};

/**
 * The body is copied into two buffers of this size, written alternately: an 8 MiB chunk costs a
 * few system calls rather than one per network packet, and each packet is let go once copied.
 */
const WRITE_BATCH_BYTES = 1024 * 1024;

// Reused from one chunk to the next rather than 2 MiB of fresh garbage per chunk. The pool holds
// at most two buffers per chunk that was ever being written at the same time.
const spareBatches: Buffer[] = [];

function takeBatch(): Buffer {
  return spareBatches.pop() ?? Buffer.allocUnsafe(WRITE_BATCH_BYTES);
}

type ChunkSource = { read: () => Promise<Uint8Array | null>; cancel: (reason: Error) => void };

/** Reads the body directly (a web stream's reader, a Node stream's iterator): no stream adapters in between. */
function sourceOf(body: StorageBody): ChunkSource {
  if (body instanceof Readable) {
    const chunks = body[Symbol.asyncIterator]();
    return {
      read: async () => {
        const next = await chunks.next();
        return next.done ? null : (next.value as Uint8Array);
      },
      cancel: (reason) => body.destroy(reason),
    };
  }
  const reader = body.getReader();
  return {
    read: async () => {
      const next = await reader.read();
      return next.done ? null : next.value;
    },
    cancel: (reason) => void reader.cancel(reason).catch(() => {}),
  };
}

/**
 * Streams one chunk's body to the end of the file, checking as it goes: no more and no fewer
 * bytes than announced, no long silence, and (first chunk) the container's signature. One batch
 * is written while the other fills; writes are issued one after the other, so they land in order.
 */
async function writeChunk(handle: FileHandle, body: StorageBody, opts: AppendOptions): Promise<void> {
  const source = sourceOf(body);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    source.cancel(new Error("idle"));
  }, opts.idleTimeoutMs);
  let seen = 0;
  let head = Buffer.alloc(0);
  const checkSignature = () => {
    if (matchesSignature(opts.signature!, head)) return;
    source.cancel(new Error("bad signature"));
    const kind = opts.signature === "video/mp4" ? "an MP4" : "a WebM";
    throw new UploadError("BAD_TYPE", `The recording does not start like ${kind} file, so it was refused.`);
  };
  const batches = [takeBatch(), takeBatch()];
  let current = 0;
  let filled = 0;
  let writing: Promise<unknown> = Promise.resolve();
  const flush = async () => {
    await writing;
    if (filled === 0) return;
    writing = handle.write(batches[current]!, 0, filled);
    // Awaited before the next write or at the end; meanwhile a failure must not count as unhandled.
    writing.catch(() => {});
    current ^= 1;
    filled = 0;
  };
  try {
    for (;;) {
      let piece: Uint8Array | null;
      try {
        piece = await source.read();
      } catch (error) {
        if (timedOut) break;
        throw error;
      }
      if (piece === null) break;
      // refresh() restarts the same timer: cheap enough for every packet of the body.
      timer.refresh();
      if (opts.signature && head.length < SIGNATURE_BYTES) {
        head = Buffer.concat([head, piece.subarray(0, SIGNATURE_BYTES - head.length)]);
        if (head.length === SIGNATURE_BYTES) checkSignature();
      }
      seen += piece.byteLength;
      if (seen > opts.contentLength) {
        source.cancel(new Error("too long"));
        throw new UploadError("BAD_REQUEST", `The chunk is longer than its Content-Length of ${opts.contentLength} bytes.`);
      }
      for (let offset = 0; offset < piece.byteLength;) {
        const batch = batches[current]!;
        const take = Math.min(batch.length - filled, piece.byteLength - offset);
        batch.set(piece.subarray(offset, offset + take), filled);
        filled += take;
        offset += take;
        if (filled === batch.length) await flush();
      }
    }
    if (timedOut) throw new UploadError("TIMEOUT", `The chunk stopped arriving for ${Math.round(opts.idleTimeoutMs / 1000)} seconds; send it again.`);
    if (seen !== opts.contentLength) throw new UploadError("BAD_REQUEST", `The chunk ended after ${seen} of its ${opts.contentLength} bytes; send it again.`);
    if (opts.signature && head.length < SIGNATURE_BYTES) checkSignature();
    await flush();
    await writing;
  } finally {
    clearTimeout(timer);
    await writing.catch(() => {});
    spareBatches.push(...batches);
  }
}

/**
 * Appends one chunk to the staging file and fsyncs it. On any failure the file is cut back to
 * `committedSize`, so it never holds part of a chunk. Returns how to undo the append, for when
 * the database then refuses the chunk.
 */
export async function appendToStaging(uploadId: string, body: StorageBody, opts: AppendOptions): Promise<{ rollback: () => Promise<void> }> {
  const file = stagingPath(uploadId);
  await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const rollback = () => fs.truncate(file, opts.committedSize);
  const handle = await fs.open(file, "a", 0o600);
  try {
    const { size } = await handle.stat();
    if (size < opts.committedSize) throw new StagingLostError(uploadId);
    // Bytes past the committed size are from a chunk whose commit never happened (a crash).
    if (size > opts.committedSize) await handle.truncate(opts.committedSize);
    try {
      await writeChunk(handle, body, opts);
      await handle.sync();
    } catch (error) {
      await handle.truncate(opts.committedSize);
      if (error instanceof UploadError || isFileSystemError(error)) throw error;
      throw new UploadError("BAD_REQUEST", "The chunk did not arrive completely; send it again.");
    }
  } finally {
    await handle.close();
  }
  return { rollback };
}
