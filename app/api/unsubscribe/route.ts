import { getDb } from "@/server/db/client";
import { handleUnsubscribe } from "@/server/notifications/unsubscribe-request";

export const dynamic = "force-dynamic";

/** Opening the link shows a confirmation page; only a POST unsubscribes. */
export function GET(request: Request) {
  const url = new URL(request.url);
  return new Response(null, { status: 303, headers: { location: `/unsubscribe${url.search}` } });
}

export async function POST(request: Request) {
  const outcome = await handleUnsubscribe(getDb(), new URL(request.url), await request.text());
  if (outcome.location) return new Response(null, { status: outcome.status, headers: { location: outcome.location } });
  return new Response(outcome.body, { status: outcome.status, headers: { "content-type": "text/plain; charset=utf-8" } });
}
