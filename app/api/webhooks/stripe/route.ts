import { receiveStripeWebhook } from "@/server/billing/stripe/webhook";
import { getDb } from "@/server/db/client";

export const dynamic = "force-dynamic";

// The signature covers the exact bytes Stripe sent, so the body is read as text, never parsed first.
export async function POST(request: Request) {
  const outcome = await receiveStripeWebhook(getDb(), await request.text(), request.headers.get("stripe-signature"));
  return Response.json(outcome.body, { status: outcome.status });
}
