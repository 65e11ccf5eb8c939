import { authorizeChunk } from "@/server/uploads/authorize";
import { UploadError } from "@/server/uploads/errors";
import { contentLengthOf, handleUpload, INTERVIEW_TOKEN_HEADER, parseOrThrow, uploadJson } from "@/server/uploads/http";
import { appendChunk } from "@/server/uploads/protocol";
import { chunkParams } from "@/server/uploads/upload.schema";
import { sameOriginOnly } from "@/server/security/same-origin";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/**
 * Chunk `index`, the raw bytes as the body (any content type) with a Content-Length. The body is
 * streamed to disk as it arrives: never `request.arrayBuffer()`, which would hold it in memory.
 */
export const PUT = sameOriginOnly(async (request: Request, context: { params: Promise<{ uploadId: string; index: string }> }): Promise<Response> =>
  handleUpload("/api/uploads/[uploadId]/chunks/[index]", "PUT", async () => {
    const { uploadId, index } = parseOrThrow(chunkParams, await context.params);
    await authorizeChunk(request.headers.get(INTERVIEW_TOKEN_HEADER), uploadId);
    if (!request.body) throw new UploadError("EMPTY", "A chunk must hold at least one byte.");
    return uploadJson(await appendChunk({ uploadId, index, body: request.body, contentLength: contentLengthOf(request) }));
  }),
);
