import { HR_ACCESS, routeAccess } from "../auth/route-access";
import type { SessionUser } from "../auth/session-user";
import type { Db } from "../db/client";
import { transcriptSegmentsSchema } from "./transcript.schema";
import { toWebVtt } from "./webvtt";

/** Where the review page's <track> loads an answer's captions from. */
export function captionsUrl(responseId: string): string {
  return `/api/responses/${encodeURIComponent(responseId)}/captions`;
}

function plain(status: number, message: string): Response {
  return new Response(message, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "private, no-store" } });
}

/** An answer's transcript as WebVTT, when the answer is the organization's and has one. */
export async function answerCaptions(db: Db, organizationId: string, responseId: string, invitationId?: string): Promise<string | null> {
  const response = await db.response.findFirst({
    where: { id: responseId, invitation: { organizationId, ...(invitationId ? { id: invitationId } : {}) } },
    select: { transcript: { select: { segments: true } } },
  });
  if (!response?.transcript) return null;
  return toWebVtt(transcriptSegmentsSchema.parse(response.transcript.segments));
}

/**
 * An answer's transcript as WebVTT, for HR of the answer's organization only. Anyone else signed
 * in finds nothing, exactly as for a response that does not exist, so ids reveal nothing.
 */
export async function captionsResponse(db: Db, user: SessionUser | null, responseId: string): Promise<Response> {
  const access = routeAccess(HR_ACCESS, user);
  if (!access.ok && access.status === 401) return plain(401, "Sign in to see captions.");
  const notFound = plain(404, "No captions for this answer.");
  if (!access.ok || !access.membership) return notFound;
  const vtt = await answerCaptions(db, access.membership.organizationId, responseId);
  if (vtt === null) return notFound;
  return new Response(vtt, {
    status: 200,
    // A re-run replaces the transcript, so the browser asks again rather than keeping an old copy.
    headers: { "content-type": "text/vtt; charset=utf-8", "cache-control": "private, no-cache", "x-content-type-options": "nosniff" },
  });
}
