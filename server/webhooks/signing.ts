import { randomBytes } from "node:crypto";
import { Webhook } from "standardwebhooks";

/** How long a rotated-out secret keeps signing, so receivers can switch to the new one. */
export const PREVIOUS_SECRET_VALID_MS = 24 * 60 * 60 * 1000;

/** A Standard Webhooks secret: "whsec_" and 32 random bytes in base64, the form every verifier library takes. */
export function newSigningSecret(): string {
  return `whsec_${randomBytes(32).toString("base64")}`;
}

export type SigningKeys = { secret: string; previousSecret: string | null; previousSecretExpiresAt: Date | null };

/**
 * The three Standard Webhooks headers for one attempt. The id is the delivery's, the same on every
 * retry and resend (receivers deduplicate on it); the timestamp is the attempt's. While a rotated-out
 * secret is still valid the signature header carries a signature under each, space-separated, as
 * the specification allows, and a receiver holding either secret verifies the message.
 */
export function signatureHeaders(keys: SigningKeys, webhookId: string, body: string, at: Date): Record<string, string> {
  const signatures = [new Webhook(keys.secret).sign(webhookId, at, body)];
  if (keys.previousSecret && keys.previousSecretExpiresAt && keys.previousSecretExpiresAt > at) {
    signatures.push(new Webhook(keys.previousSecret).sign(webhookId, at, body));
  }
  return {
    "webhook-id": webhookId,
    "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
    "webhook-signature": signatures.join(" "),
  };
}
