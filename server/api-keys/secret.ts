import { createHash, randomBytes } from "node:crypto";

/** Every key starts with this, so secret scanners and people recognise one. */
export const KEY_PREFIX = "aivi_";
/** Characters of the key shown in lists: enough to tell keys apart, far too few to use one. */
const SHOWN_CHARS = KEY_PREFIX.length + 8;

export function hashApiKey(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

/** A new key: 192 random bits, returned once; the database keeps its hash and prefix only. */
export function newApiKeySecret(): { secret: string; prefix: string; hash: string } {
  const secret = KEY_PREFIX + randomBytes(24).toString("base64url");
  return { secret, prefix: secret.slice(0, SHOWN_CHARS), hash: hashApiKey(secret) };
}
