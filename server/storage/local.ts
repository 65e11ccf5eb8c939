import { randomUUID } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { env, type ServerEnv } from "../config/env";
import { contentTypeFromKey, sanitizeKey } from "./keys";
import { buildMediaUrl } from "./signing";
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

// Recordings and avatars are personal data: readable by the app's own user only, never by the
// other accounts of the machine.
const PRIVATE_FILE = 0o600;
const PRIVATE_DIR = 0o700;

/**
 * The top-level folder of STORAGE_DIR that holds files being written (upload staging, half-written
 * puts). It is never an object key, so no signed URL can reach a file that is not finished.
 */
export const STAGING_FOLDER = "staging";

/** STORAGE_DIR as an absolute path, refused inside public/ where Next.js would serve it to anyone. */
export function storageRoot(e: ServerEnv = env()): string {
  const root = path.resolve(e.STORAGE_DIR);
  const publicDir = path.resolve("public");
  if (root === publicDir || root.startsWith(publicDir + path.sep)) {
    throw new StorageError("MISCONFIGURED", `STORAGE_DIR (${root}) is inside public/, which Next.js serves to anyone: choose a folder outside it.`);
  }
  return root;
}

export function stagingDir(root: string = storageRoot()): string {
  return path.join(root, STAGING_FOLDER);
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return code === "ENOENT" || code === "EISDIR" || code === "ENOTDIR";
}

export class LocalDiskStorage implements Storage {
  readonly driver = "local" as const;

  constructor(
    readonly root: string,
    private readonly signing: { appUrl: string; secret: string },
  ) {}

  /** The file behind a key, for tools that want a path (ffmpeg seeks within it). */
  pathFor(key: string): string {
    const segments = sanitizeKey(key).split("/");
    if (segments[0] === STAGING_FOLDER) {
      throw new StorageError("INVALID_KEY", `Keys under "${STAGING_FOLDER}/" are reserved for files still being written.`);
    }
    return path.join(this.root, ...segments);
  }

  async put(key: string, body: StorageBody, _opts: PutOptions): Promise<StoredObject> {
    const target = this.pathFor(key);
    const staging = stagingDir(this.root);
    await fs.mkdir(staging, { recursive: true, mode: PRIVATE_DIR });
    // Written beside the objects and renamed into place, so a reader never sees half a file.
    const temp = path.join(staging, `put-${randomUUID()}.tmp`);
    try {
      await pipeline(toNodeReadable(body), createWriteStream(temp, { flush: true, mode: PRIVATE_FILE }));
      return await this.moveIntoPlace(key, temp, target);
    } catch (error) {
      await fs.rm(temp, { force: true });
      throw error;
    }
  }

  async putFile(key: string, filePath: string, opts: PutOptions): Promise<StoredObject> {
    const target = this.pathFor(key);
    try {
      return await this.moveIntoPlace(key, filePath, target);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EXDEV") throw error;
    }
    // Another file system: a rename cannot cross it, a stream copy can.
    const stored = await this.put(key, createReadStream(filePath), opts);
    await fs.rm(filePath, { force: true });
    return stored;
  }

  private async moveIntoPlace(key: string, from: string, target: string): Promise<StoredObject> {
    await fs.mkdir(path.dirname(target), { recursive: true, mode: PRIVATE_DIR });
    await fs.rename(from, target);
    // A file moved in keeps the mode it was made with (ffmpeg's output is 0644).
    await fs.chmod(target, PRIVATE_FILE);
    const { size } = await fs.stat(target);
    return { key, size };
  }

  async createReadStream(key: string, range?: ByteRange): Promise<Readable> {
    const file = this.pathFor(key);
    let handle: fs.FileHandle;
    try {
      handle = await fs.open(file, "r");
    } catch (error) {
      if (isMissing(error)) throw new StorageError("NOT_FOUND", `No stored object "${key}".`, { cause: error });
      throw error;
    }
    return handle.createReadStream(range ? { start: range.start, end: range.end } : {});
  }

  async stat(key: string): Promise<ObjectInfo | null> {
    try {
      const info = await fs.stat(this.pathFor(key));
      return info.isFile() ? { size: info.size, contentType: contentTypeFromKey(key) } : null;
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await fs.rm(this.pathFor(key), { force: true });
  }

  async signedUrl(key: string, opts: SignedUrlOptions): Promise<string> {
    this.pathFor(key);
    const exp = Math.floor(Date.now() / 1000) + Math.max(1, Math.ceil(opts.expiresInSec));
    return buildMediaUrl(this.signing.appUrl, { key, exp, contentType: opts.contentType, disposition: opts.disposition ?? "inline" }, this.signing.secret);
  }
}

export function createLocalStorage(e: ServerEnv = env()): LocalDiskStorage {
  return new LocalDiskStorage(storageRoot(e), { appUrl: e.APP_URL, secret: e.NEXTAUTH_SECRET });
}
