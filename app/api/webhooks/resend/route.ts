import { getDb } from "@/server/db/client";
import { receiveResendWebhook } from "@/server/mail/delivery-webhook";

export const dynamic = "force-dynamic";

// The signature covers the exact bytes Resend sent, so the body is read as text, never parsed first.
export async function POST(request: Request) {
  const outcome = await receiveResendWebhook(getDb(), await request.text(), request.headers);
  return Response.json(outcome.body, { status: outcome.status });
}
