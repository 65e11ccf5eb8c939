import { headers } from "next/headers";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui";
import { getDb } from "@/server/db/client";
import { assertNotBlocked, clientIp, RateLimitedError } from "@/server/rate-limit/rate-limit";
import { shareRefusalMessage } from "@/server/share/view";

const GENERIC = "Share links stop working when they expire or are revoked. Ask the team that shared it for a new one.";

// A not-found page gets no params: the token comes from the path proxy.ts forwards. The page has
// already counted this request against the share-link limits; an address refused for guessing
// gets no lookup here either, or this page would answer the guesses the limit refuses.
async function reason(): Promise<string> {
  const request = await headers();
  const ip = clientIp(request);
  if (ip) {
    try {
      await assertNotBlocked("unknownShareTokenPerIp", ip);
    } catch (error) {
      if (error instanceof RateLimitedError) return error.message;
      throw error;
    }
  }
  const match = /^\/share\/([^/]+)$/.exec(request.get("x-pathname") ?? "");
  if (!match || match[1]!.length > 128) return GENERIC;
  return (await shareRefusalMessage(getDb(), decodeURIComponent(match[1]!))) ?? GENERIC;
}

export default async function ShareNotFound() {
  const message = await reason();
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-4 py-12">
      <Card>
        <CardHeader>
          <CardTitle as="h1">This shared interview is not available</CardTitle>
        </CardHeader>
        <CardContent>
          <p role="status" className="text-sm text-slate-700">
            {message}
          </p>
        </CardContent>
      </Card>
    </main>
  );
}
