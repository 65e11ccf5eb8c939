import { createHash, createHmac, randomBytes } from "node:crypto";

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

/**
 * The link an invitation's emails carry, derived from a random nonce stored on the invitation and
 * the app's secret, so that the background functions that email it (the invitation, its reminder)
 * can write the same link again, while the database alone still holds no working link: the nonce
 * is useless without NEXTAUTH_SECRET, as a session cookie is. A resend draws a new nonce.
 */
export function linkTokenFromNonce(nonce: string, secret: string): string {
  return createHmac("sha256", secret).update(`invitation-link\n${nonce}`).digest("base64url");
}

export function issueInvitationLink(secret: string): { nonce: string; hash: string } {
  const nonce = randomBytes(16).toString("base64url");
  return { nonce, hash: hashInvitationToken(linkTokenFromNonce(nonce, secret)) };
}
