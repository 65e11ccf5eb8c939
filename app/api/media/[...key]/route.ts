import path from "node:path";
import { env } from "@/server/config/env";
import { storageForDriver, StorageError } from "@/server/storage";
import { rangeResponse } from "@/server/storage/range";
import { verifyMediaUrl } from "@/server/storage/signing";

// Files of the local-disk driver, behind the signed, expiring URLs its signedUrl makes. Other
// drivers hand out their own URLs, so nothing but local files is ever served here.
export const dynamic = "force-dynamic";
export const runtime = "nodejs";

type Context = { params: Promise<{ key: string[] }> };

function refusal(status: number, code: string, message: string): Response {
  return Response.json({ error: { code, message } }, { status, headers: { "cache-control": "no-store" } });
}

async function serve(request: Request, context: Context, withBody: boolean): Promise<Response> {
  const key = (await context.params).key.join("/");
  const e = env();
  const check = verifyMediaUrl(key, new URL(request.url).searchParams, e.NEXTAUTH_SECRET);
  if (!check.ok) return refusal(403, check.reason === "EXPIRED" ? "EXPIRED" : "INVALID_SIGNATURE", check.message);

  const storage = storageForDriver("local");
  const notFound = () => refusal(404, "NOT_FOUND", "This file is no longer stored.");
  try {
    const info = await storage.stat(key);
    if (!info) return notFound();

    const headers = new Headers({
      "content-type": check.params.contentType,
      "accept-ranges": "bytes",
      "cache-control": "private",
      // The signed content type is the only one a browser may use: never sniff a recording into HTML.
      "x-content-type-options": "nosniff",
      "content-disposition": check.params.disposition === "attachment" ? `attachment; filename="${path.posix.basename(key)}"` : "inline",
    });
    return await rangeResponse({ request, storage, key, size: info.size, headers, withBody });
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
