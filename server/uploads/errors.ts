export type UploadErrorCode =
  | "BAD_REQUEST"
  | "UNAUTHORIZED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "CONFLICT"
  | "CLOSED"
  | "TOO_LARGE"
  | "TOO_MANY_CHUNKS"
  | "TOO_LONG"
  | "BAD_TYPE"
  | "EMPTY"
  | "TIMEOUT";

/**
 * HTTP status per code. The browser's uploader (components/interview/upload-queue.ts) resyncs
 * with GET /api/uploads/:id on 400/409/412 and retries 408/429/5xx with backoff; every other
 * status ends the upload with the message shown to the candidate, so permanent refusals must
 * not use a resyncing status.
 */
export const UPLOAD_ERROR_STATUS: Record<UploadErrorCode, number> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  CLOSED: 410,
  TOO_LARGE: 413,
  TOO_MANY_CHUNKS: 413,
  TOO_LONG: 422,
  BAD_TYPE: 415,
  EMPTY: 422,
  TIMEOUT: 408,
};

/** An expected refusal of the upload protocol, with a message meant for the candidate. */
export class UploadError extends Error {
  constructor(
    readonly code: UploadErrorCode,
    message: string,
    /** Extra fields for the JSON body, e.g. `expectedChunk` on a CONFLICT. */
    readonly details: Record<string, string | number> = {},
  ) {
    super(message);
    this.name = "UploadError";
  }

  get status(): number {
    return UPLOAD_ERROR_STATUS[this.code];
  }

  toJSON(): { error: { code: UploadErrorCode; message: string } & Record<string, string | number> } {
    return { error: { ...this.details, code: this.code, message: this.message } };
  }
}
