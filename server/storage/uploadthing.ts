import { randomUUID } from "node:crypto";
import { createWriteStream, openAsBlob } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeWebReadableStream } from "node:stream/web";
import { UTApi, UTFile } from "uploadthing/server";
import { sanitizeKey } from "./keys";
import { stagingDir } from "./local";
import { toNodeReadable } from "./streams";
import {
  StorageError,
  type ByteRange,
  type ObjectInfo,
  type PutOptions,
  type SignedUrlOptions,
  type Storage,
  type StorageBody,
  type StoredObject,
} from "./types";

/** How long the URLs the server makes for its own reads stay valid. */
const INTERNAL_URL_TTL_SEC = 300;
/** UploadThing refuses signed URLs valid for longer than 7 days. */
const MAX_URL_TTL_SEC = 7 * 24 * 3600;

/**
 * UploadThing. It names files itself, so `put` returns UploadThing's file key and that is what
 * gets stored; the requested key becomes the file's name. Files are uploaded private and read
 * through URLs signed locally with the API key (generateSignedURL: no round trip to UploadThing).
 * The app's UploadThing settings must allow a private ACL per upload, or default to private.
 * The content disposition is fixed at upload (inline), so `signedUrl` ignores `disposition`.
 *
 * The SDK's own settings pick the servers: UPLOADTHING_API_URL, UPLOADTHING_INGEST_URL,
 * UPLOADTHING_UFS_HOST and UPLOADTHING_UFS_APP_ID_LOCATION.
 */
export class UploadThingStorage implements Storage {
  readonly driver = "uploadthing" as const;
  private readonly api: UTApi;

  constructor(token: string) {
    this.api = new UTApi({ token, logLevel: "Error" });
  }

  async put(key: string, body: StorageBody, opts: PutOptions): Promise<StoredObject> {
    sanitizeKey(key);
    // The upload must announce its size before it starts, which a stream does not know: spool it to disk first.
    const dir = stagingDir();
    await fs.mkdir(dir, { recursive: true });
    const temp = path.join(dir, `ut-${randomUUID()}.tmp`);
    try {
      await pipeline(toNodeReadable(body), createWriteStream(temp));
      return await this.putFile(key, temp, opts);
    } finally {
      await fs.rm(temp, { force: true });
    }
  }

  async putFile(key: string, filePath: string, opts: PutOptions): Promise<StoredObject> {
    sanitizeKey(key);
    // openAsBlob reads from disk as the upload goes: the file is never held in memory.
    const file = new UTFile([await openAsBlob(filePath, { type: opts.contentType })], path.posix.basename(key), { type: opts.contentType });
    const result = await this.api.uploadFiles(file, { acl: "private", contentDisposition: "inline" });
    if (result.error) {
      throw new StorageError("BACKEND", `UploadThing refused the file: ${result.error.message}`, { cause: result.error });
    }
    return { key: result.data.key, size: result.data.size };
  }

  private async fetchSigned(key: string, headers: Record<string, string>): Promise<Response> {
    sanitizeKey(key);
    const { ufsUrl } = await this.api.generateSignedURL(key, { expiresIn: INTERNAL_URL_TTL_SEC });
    return fetch(ufsUrl, { headers, cache: "no-store" });
  }

  async createReadStream(key: string, range?: ByteRange): Promise<Readable> {
    const response = await this.fetchSigned(key, range ? { range: `bytes=${range.start}-${range.end ?? ""}` } : {});
    if (response.status === 404) throw new StorageError("NOT_FOUND", `No stored object "${key}".`);
    if (!response.ok || !response.body) throw new StorageError("BACKEND", `UploadThing answered ${response.status} reading "${key}".`);
    return Readable.fromWeb(response.body as unknown as NodeWebReadableStream<Uint8Array>);
  }

  async stat(key: string): Promise<ObjectInfo | null> {
    // There is no metadata call by key; a one-byte range read carries the total size in Content-Range.
    const response = await this.fetchSigned(key, { range: "bytes=0-0" });
    await response.body?.cancel();
    if (response.status === 404) return null;
    const contentType = response.headers.get("content-type");
    const total = /\/(\d+)\s*$/.exec(response.headers.get("content-range") ?? "")?.[1];
    if ((response.status === 206 || response.status === 416) && total !== undefined) return { size: Number(total), contentType };
    if (response.status === 200) return { size: Number(response.headers.get("content-length") ?? 0), contentType };
    throw new StorageError("BACKEND", `UploadThing answered ${response.status} about "${key}".`);
  }

  async delete(key: string): Promise<void> {
    sanitizeKey(key);
    await this.api.deleteFiles(key);
  }

  async signedUrl(key: string, opts: SignedUrlOptions): Promise<string> {
    sanitizeKey(key);
    const expiresIn = Math.min(MAX_URL_TTL_SEC, Math.max(1, Math.ceil(opts.expiresInSec)));
    const { ufsUrl } = await this.api.generateSignedURL(key, { expiresIn });
    return ufsUrl;
  }
}
