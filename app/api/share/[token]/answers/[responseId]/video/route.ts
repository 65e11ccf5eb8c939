import { getDb } from "@/server/db/client";
import { RateLimitedError, tooManyRequests } from "@/server/rate-limit/rate-limit";
import { countShareRefusal, limitShareRequest } from "@/server/rate-limit/share-calls";
import { isStorageDriver, storageForDriver, StorageError } from "@/server/storage";
import { rangeResponse } from "@/server/storage/range";
import { refusalStatus, sharedAnswerVideo, ShareUnavailableError } from "@/server/share/view";

// An answer's video for the share page, authorized by the share link's token on every request
// (a revoked or expired link stops at once, even mid-answer), streamed with Range support.
export const dynamic = "force-dynamic";
export const runtime = "nodejs";

type Context = { params: Promise<{ token: string; responseId: string }> };

function refusal(status: number, code: string, message: string): Response {
  return Response.json({ error: { code, message } }, { status, headers: { "cache-control": "no-store" } });
}

async function serve(request: Request, context: Context, withBody: boolean): Promise<Response> {
  const { token, responseId } = await context.params;
  const db = getDb();
  let asset: Awaited<ReturnType<typeof sharedAnswerVideo>>;
  try {
    await limitShareRequest(request.headers, token, "shareMediaPerToken");
    asset = await sharedAnswerVideo(db, token, responseId);
  } catch (error) {
    if (error instanceof RateLimitedError) return tooManyRequests(error);
    if (error instanceof ShareUnavailableError) {
      await countShareRefusal(request.headers, error);
      return refusal(refusalStatus(error.reason), error.reason === "unknown" ? "NOT_FOUND" : "GONE", error.message);
    }
    throw error;
  }
  const notFound = () => refusal(404, "NOT_FOUND", "This answer has no video.");
  if (!asset || !isStorageDriver(asset.storageDriver)) return notFound();
  const storage = storageForDriver(asset.storageDriver);
  try {
    const info = await storage.stat(asset.storageKey);
    if (!info) return notFound();
    const headers = new Headers({
      "content-type": asset.contentType,
      "accept-ranges": "bytes",
      // Never kept by a shared cache: the link can be revoked at any moment.
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
      "content-disposition": "inline",
    });
    return await rangeResponse({ request, storage, key: asset.storageKey, size: info.size, headers, withBody });
  } catch (error) {
    if (error instanceof StorageError && (error.code === "NOT_FOUND" || error.code === "INVALID_KEY")) return notFound();
    throw error;
  }
}

export function GET(request: Request, context: Context): Promise<Response> {
  return serve(request, context, true);
}

export function HEAD(request: Request, context: Context): Promise<Response> {
  return serve(request, context, false);
}
