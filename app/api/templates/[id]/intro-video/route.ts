import { currentUser } from "@/server/auth/current-user";
import { HR_ACCESS, routeAccess } from "@/server/auth/route-access";
import { getDb } from "@/server/db/client";
import { DomainError } from "@/server/errors";
import { sameOriginOnly } from "@/server/security/same-origin";
import { IntroVideoTooLargeError, saveIntroVideo } from "@/server/templates/intro-video";
import { introVideoInput } from "@/server/templates/intro-video.schema";

// The template's intro video, sent as the raw request body (a recorded Blob or a chosen file):
// tRPC carries JSON, and a video as base64 would be a third larger and held in memory whole.
export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const STATUS: Record<DomainError["code"], number> = {
  BAD_REQUEST: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
  FORBIDDEN: 403,
  PRECONDITION_FAILED: 409,
  TOO_MANY_REQUESTS: 429,
  PAYMENT_REQUIRED: 402,
};

function reply(status: number, code: string, message: string): Response {
  return Response.json({ error: { code, message } }, { status, headers: { "cache-control": "no-store" } });
}

/** Replaces the intro video: 200 {contentType, durationMs, sizeBytes}, or {error: {code, message}}. */
export const PUT = sameOriginOnly(async (request: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> => {
  const access = routeAccess(HR_ACCESS, await currentUser());
  if (!access.ok)
    return reply(access.status, access.status === 401 ? "UNAUTHORIZED" : "FORBIDDEN", "Sign in as HR of this organization to change its templates.");
  const input = introVideoInput.safeParse({ templateId: (await ctx.params).id });
  if (!input.success || !request.body) return reply(400, "BAD_REQUEST", "Send the video as the request's body.");
  const length = request.headers.get("content-length");
  try {
    const saved = await saveIntroVideo(getDb(), access.user, access.membership!.organizationId, input.data, request.body, length ? Number(length) : null);
    return Response.json(saved, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    if (error instanceof IntroVideoTooLargeError) return reply(413, "TOO_LARGE", error.message);
    if (error instanceof DomainError) return reply(STATUS[error.code], error.code, error.message);
    throw error;
  }
});
