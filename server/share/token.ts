import { createHash, randomBytes } from "node:crypto";

/** Only this hash is stored (ShareLink.tokenHash): the database alone holds no working link. */
export function hashShareToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** 32 random bytes, base64url so the token sits in a URL path without escaping. */
export function createShareToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashShareToken(token) };
}

export const sharePath = (token: string) => `/share/${token}`;
export const shareVideoPath = (token: string, responseId: string) => `/api/share/${token}/answers/${responseId}/video`;
