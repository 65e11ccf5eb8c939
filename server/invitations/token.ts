import { createHash, randomBytes } from "node:crypto";

/**
 * Only the hash is stored (Invitation.tokenHash), so a leaked database holds no working links.
 * sha256 without a salt is enough here: the token carries 256 random bits, so there is nothing
 * to brute-force, and a plain hash lets the candidate flow look an invitation up by equality.
 */
export function hashInvitationToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** A fresh link token: 32 random bytes, base64url so it sits in a URL path without escaping. */
export function createInvitationToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashInvitationToken(token) };
}
