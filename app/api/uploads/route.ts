import { authorizeUpload } from "@/server/uploads/authorize";
import { handleUpload, INTERVIEW_TOKEN_HEADER, parseOrThrow, readJsonBody, uploadJson } from "@/server/uploads/http";
import { startUpload } from "@/server/uploads/protocol";
import { startUploadBody } from "@/server/uploads/upload.schema";
import { sameOriginOnly } from "@/server/security/same-origin";

// The chunked upload protocol is described in server/uploads/protocol.ts.
export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** Opens the upload of one take (or returns the one already open): { uploadId, nextChunk, receivedBytes, status }. */
export const POST = sameOriginOnly(async (request: Request): Promise<Response> =>
  handleUpload("/api/uploads", "POST", async () => {
    const body = parseOrThrow(startUploadBody, await readJsonBody(request));
    await authorizeUpload(request.headers.get(INTERVIEW_TOKEN_HEADER), body.responseId);
    return uploadJson(await startUpload(body));
  }),
);
