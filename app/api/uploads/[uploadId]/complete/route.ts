import { authorizeUploadSession } from "@/server/uploads/authorize";
import { assetJson, handleUpload, INTERVIEW_TOKEN_HEADER, parseOrThrow, readJsonBody, uploadJson } from "@/server/uploads/http";
import { completeUpload, getUploadStatus } from "@/server/uploads/protocol";
import { completeUploadBody, uploadParams } from "@/server/uploads/upload.schema";
import { sameOriginOnly } from "@/server/security/same-origin";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** Stores the assembled recording; repeating it after a lost reply returns the same asset. */
export const POST = sameOriginOnly(async (request: Request, context: { params: Promise<{ uploadId: string }> }): Promise<Response> =>
  handleUpload("/api/uploads/[uploadId]/complete", "POST", async () => {
    const { uploadId } = parseOrThrow(uploadParams, await context.params);
    const body = parseOrThrow(completeUploadBody, await readJsonBody(request));
    await authorizeUploadSession(request.headers.get(INTERVIEW_TOKEN_HEADER), uploadId);
    const asset = await completeUpload({ uploadId, durationMs: body.durationMs });
    return uploadJson({ ...(await getUploadStatus(uploadId)), asset: assetJson(asset) });
  }),
);
