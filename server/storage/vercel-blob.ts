import { createReadStream } from "node:fs";
import { Readable } from "node:stream";
import type { ReadableStream as NodeWebReadableStream } from "node:stream/web";
import { BlobNotFoundError, del, get, getDownloadUrl, head, issueSignedToken, presignUrl, put } from "@vercel/blob";
import { sanitizeKey } from "./keys";
import { countingStream, toNodeReadable } from "./streams";
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

/**
 * Vercel Blob, with private blobs (supported since @vercel/blob 2): a blob's URL alone opens
 * nothing; reads send the read-write token and browsers get a presigned URL that expires.
 * Keys are kept as they are (no random suffix): the pathname is the key, and a retried upload
 * overwrites its own earlier attempt instead of leaving a copy behind.
 */
export class VercelBlobStorage implements Storage {
  readonly driver = "vercel-blob" as const;

  constructor(private readonly token: string) {}

  async put(key: string, body: StorageBody, opts: PutOptions): Promise<StoredObject> {
    sanitizeKey(key);
    // A single streamed PUT: the SDK's multipart mode buffers up to 128 MiB of parts in memory.
    const counted = countingStream(toNodeReadable(body));
    const result = await put(key, counted.stream, {
      access: "private",
      token: this.token,
      contentType: opts.contentType,
      addRandomSuffix: false,
      allowOverwrite: true,
    });
    return { key: result.pathname, size: counted.bytes() };
  }

  putFile(key: string, filePath: string, opts: PutOptions): Promise<StoredObject> {
    return this.put(key, createReadStream(filePath), opts);
  }

  async createReadStream(key: string, range?: ByteRange): Promise<Readable> {
    sanitizeKey(key);
    const result = await get(key, {
      access: "private",
      token: this.token,
      useCache: false,
      ...(range ? { headers: { range: `bytes=${range.start}-${range.end ?? ""}` } } : {}),
    });
    if (!result || result.statusCode !== 200) throw new StorageError("NOT_FOUND", `No stored object "${key}".`);
    return Readable.fromWeb(result.stream as unknown as NodeWebReadableStream<Uint8Array>);
  }

  async stat(key: string): Promise<ObjectInfo | null> {
    sanitizeKey(key);
    try {
      const info = await head(key, { token: this.token });
      return { size: info.size, contentType: info.contentType || null };
    } catch (error) {
      if (error instanceof BlobNotFoundError) return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    sanitizeKey(key);
    await del(key, { token: this.token });
  }

  async signedUrl(key: string, opts: SignedUrlOptions): Promise<string> {
    sanitizeKey(key);
    const validUntil = Date.now() + Math.max(1, Math.ceil(opts.expiresInSec)) * 1000;
    // The delegation is scoped to this one pathname and to reads, so the URL opens nothing else.
    const signed = await issueSignedToken({ token: this.token, pathname: key, operations: ["get"], validUntil });
    const { presignedUrl } = await presignUrl(signed, { operation: "get", pathname: key, validUntil, access: "private" });
    // The content type is the one stored with the blob; only the disposition can vary per URL.
    return opts.disposition === "attachment" ? getDownloadUrl(presignedUrl) : presignedUrl;
  }
}
