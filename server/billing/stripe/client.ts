import Stripe from "stripe";
import { env } from "../../config/env";
import { DomainError } from "../../errors";

// Pinned to the SDK's own version, so the shapes this code reads (periods on subscription items,
// an invoice's subscription under parent.subscription_details) are the ones its types describe.
export const STRIPE_API_VERSION = "2026-10-28.endive" as const;

export function stripeClient(): Stripe {
  const e = env();
  if (!e.STRIPE_SECRET_KEY) throw new DomainError("PRECONDITION_FAILED", "Stripe is not configured: billing runs in local mode.");
  const base = e.STRIPE_API_BASE_URL ? new URL(e.STRIPE_API_BASE_URL) : null;
  return new Stripe(e.STRIPE_SECRET_KEY, {
    apiVersion: STRIPE_API_VERSION,
    maxNetworkRetries: 2,
    ...(base ? { host: base.hostname, port: base.port, protocol: base.protocol === "http:" ? "http" : "https" } : {}),
  });
}
