import type { Readable } from "node:stream";

/** Where recordings live; shown in the UI and stored on every MediaAsset (storageDriver). */
export type StorageDriverName = "local" | "vercel-blob" | "uploadthing";

export type StorageBody = ReadableStream<Uint8Array> | Readable;

export type PutOptions = { contentType: string };

/**
 * `key` is what to store on the MediaAsset: a driver may not keep the key it was asked for
 * (UploadThing names files itself), so callers always keep the returned one.
 */
export type StoredObject = { key: string; size: number };

/** Inclusive byte offsets, as in an HTTP Range header; `end` omitted means to the end. */
export type ByteRange = { start: number; end?: number };

export type ObjectInfo = { size: number; contentType: string | null };

export type SignedUrlOptions = {
  expiresInSec: number;
  contentType: string;
  /** Whether the browser shows the file or saves it; inline when omitted. */
  disposition?: "inline" | "attachment";
};

export interface Storage {
  readonly driver: StorageDriverName;
  put(key: string, body: StorageBody, opts: PutOptions): Promise<StoredObject>;
  /**
   * Stores a file that is on local disk and takes it over: afterwards the file at `filePath` may
   * be gone (the local driver renames it into place, so a finished upload is not copied again).
   */
  putFile(key: string, filePath: string, opts: PutOptions): Promise<StoredObject>;
  /** Rejects with StorageError NOT_FOUND when there is no such object. */
  createReadStream(key: string, range?: ByteRange): Promise<Readable>;
  stat(key: string): Promise<ObjectInfo | null>;
  /** Succeeds when the object is already gone. */
  delete(key: string): Promise<void>;
  /** A URL the browser can fetch without a session until it expires. */
  signedUrl(key: string, opts: SignedUrlOptions): Promise<string>;
}

export type StorageErrorCode = "INVALID_KEY" | "NOT_FOUND" | "MISCONFIGURED" | "BACKEND";

export class StorageError extends Error {
  constructor(
    readonly code: StorageErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "StorageError";
  }
}
