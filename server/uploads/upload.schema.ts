import { z } from "zod";
import { text } from "../validation/text";

// Request shapes of app/api/uploads. Limits that depend on configuration (total size, duration)
// are checked by the protocol itself, so their errors carry the TOO_LARGE / TOO_LONG codes.

const id = text()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, "Not a valid id.");

/** The interview link's token (x-interview-token), as createInvitationToken makes it. */
export const interviewTokenSchema = text()
  .trim()
  .min(16)
  .max(256)
  .regex(/^[A-Za-z0-9_-]+$/);

export const startUploadBody = z.object({
  responseId: id,
  /** 1-based, as handed out by the interview's startTake. */
  take: z.number().int().min(1).max(1000),
  contentType: text().trim().min(1).max(200),
  declaredSize: z.number().int().min(0).optional(),
});

export const completeUploadBody = z.object({
  /** The length as the browser timed it; informative only, the server measures the file on submission. */
  durationMs: z.number().int().min(0).optional(),
});

export const uploadParams = z.object({ uploadId: id });

export const chunkParams = z.object({
  uploadId: id,
  index: text()
    .regex(/^\d{1,9}$/, "The chunk index must be a whole number.")
    .transform(Number),
});

export type StartUploadBody = z.output<typeof startUploadBody>;
export type CompleteUploadBody = z.output<typeof completeUploadBody>;
