import { StorageError } from "./types";

const SEGMENT = /^[A-Za-z0-9_][A-Za-z0-9._-]*$/;
export const MAX_KEY_LENGTH = 512;

/**
 * Checks that a storage key is a plain relative path (`recordings/org/inv/x.webm`) and returns it.
 * Anything else is refused rather than cleaned up: rewriting a key could make two different keys
 * name the same file, and a key that escapes the storage root must never reach the file system.
 * Every segment starts with a letter, digit or underscore, so `..`, hidden files and absolute
 * paths cannot be spelled.
 */
export function sanitizeKey(key: string): string {
  if (typeof key !== "string" || key.length === 0 || key.length > MAX_KEY_LENGTH) {
    throw new StorageError("INVALID_KEY", `A storage key must be 1 to ${MAX_KEY_LENGTH} characters long.`);
  }
  for (const segment of key.split("/")) {
    if (!SEGMENT.test(segment)) {
      throw new StorageError("INVALID_KEY", `"${key}" is not a valid storage key: use letters, digits, ".", "_" and "-" between single slashes.`);
    }
  }
  return key;
}

export function isValidKey(key: string): boolean {
  try {
    sanitizeKey(key);
    return true;
  } catch {
    return false;
  }
}

const TYPES_BY_EXTENSION: Record<string, string> = {
  webm: "video/webm",
  mp4: "video/mp4",
  m4a: "audio/mp4",
  wav: "audio/wav",
  mp3: "audio/mpeg",
  ogg: "audio/ogg",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  png: "image/png",
  webp: "image/webp",
  json: "application/json",
  txt: "text/plain",
  vtt: "text/vtt",
};

/** For drivers that keep no content type of their own (local disk). */
export function contentTypeFromKey(key: string): string | null {
  const ext = key.slice(key.lastIndexOf(".") + 1).toLowerCase();
  return TYPES_BY_EXTENSION[ext] ?? null;
}
