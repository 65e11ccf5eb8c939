import { currentUser } from "@/server/auth/current-user";
import { getDb } from "@/server/db/client";
import { captionsResponse } from "@/server/transcription/captions";

export const dynamic = "force-dynamic";

/** An answer's captions (WebVTT) for the review page's video player. */
export async function GET(_req: Request, ctx: { params: Promise<{ responseId: string }> }) {
  return captionsResponse(getDb(), await currentUser(), (await ctx.params).responseId);
}
