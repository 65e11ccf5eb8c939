import { authorizeUploadSession } from "@/server/uploads/authorize";
import { handleUpload, INTERVIEW_TOKEN_HEADER, parseOrThrow, uploadJson } from "@/server/uploads/http";
import { getUploadStatus } from "@/server/uploads/protocol";
import { uploadParams } from "@/server/uploads/upload.schema";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** Where the upload stands, for resuming it: the client continues from `nextChunk`. */
export async function GET(request: Request, context: { params: Promise<{ uploadId: string }> }): Promise<Response> {
  return handleUpload("/api/uploads/[uploadId]", "GET", async () => {
    const { uploadId } = parseOrThrow(uploadParams, await context.params);
    await authorizeUploadSession(request.headers.get(INTERVIEW_TOKEN_HEADER), uploadId);
    return uploadJson(await getUploadStatus(uploadId));
  });
}
