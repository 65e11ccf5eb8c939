import { z } from "zod";
import type { MediaAsset } from "../db/client";
import { BUSY_MESSAGE, isOverloaded, RETRY_AFTER_SECONDS } from "../overload/overload";
import { RateLimitedError, tooManyRequests } from "../rate-limit/rate-limit";
import { readBodyLimited } from "../security/body";
import { metrics } from "../metrics/registry";
import { UploadError } from "./errors";
import { logger } from "@/server/logging/logger";

// Shared by the app/api/uploads route handlers: every answer is JSON and never cached, every
// refusal is `{ error: { code, message } }` with the status of its code.

export const INTERVIEW_TOKEN_HEADER = "x-interview-token";

/** Start and complete bodies are a few fields; anything bigger is not a client of this API. */
const MAX_JSON_BYTES = 16 * 1024;

export function uploadJson(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: { "cache-control": "no-store" } });
}

export function uploadErrorResponse(error: unknown): Response {
  if (error instanceof UploadError) return uploadJson(error.toJSON(), error.status);
  if (error instanceof RateLimitedError) return tooManyRequests(error);
  if (isOverloaded(error)) {
    return Response.json(
      { error: { code: "BUSY", message: BUSY_MESSAGE } },
      { status: 503, headers: { "cache-control": "no-store", "retry-after": String(RETRY_AFTER_SECONDS) } },
    );
  }
  logger.error({ err: error }, "upload request failed");
  return uploadJson({ error: { code: "INTERNAL", message: "The upload could not be saved because of a problem on our side. It will be retried." } }, 500);
}

/** Runs a route's work, turns whatever it throws into the protocol's error JSON, and times it for /api/metrics. */
export async function handleUpload(route: string, method: string, work: () => Promise<Response>): Promise<Response> {
  const started = performance.now();
  let response: Response;
  try {
    response = await work();
  } catch (error) {
    response = uploadErrorResponse(error);
  }
  metrics().httpDuration.observe({ route, method, status: String(response.status) }, (performance.now() - started) / 1000);
  return response;
}

export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? `${issue.path.join(".")}: ` : "";
    throw new UploadError("BAD_REQUEST", `${where}${issue?.message ?? "The request is not valid."}`);
  }
  return parsed.data;
}

/** Reads at most MAX_JSON_BYTES, whatever Content-Length claims, so a huge body cannot fill memory. */
export async function readJsonBody(request: Request): Promise<unknown> {
  const body = await readBodyLimited(request, MAX_JSON_BYTES);
  if (!body) throw new UploadError("BAD_REQUEST", "The request body is too large.");
  const text = body.toString("utf8");
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new UploadError("BAD_REQUEST", "The request body is not valid JSON.");
  }
}

/** Content-Length as a number, or -1 when absent or malformed (appendChunk refuses it). */
export function contentLengthOf(request: Request): number {
  const header = request.headers.get("content-length");
  return header && /^\d{1,15}$/.test(header.trim()) ? Number(header.trim()) : -1;
}

/** What the candidate's page learns of a stored recording: not where it lives (the key names the organization). */
export function assetJson(asset: MediaAsset) {
  return {
    id: asset.id,
    kind: asset.kind,
    contentType: asset.contentType,
    sizeBytes: Number(asset.sizeBytes),
    durationMs: asset.durationMs,
  };
}
