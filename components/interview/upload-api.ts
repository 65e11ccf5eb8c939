// The chunked upload protocol (app/api/uploads), as the candidate's browser speaks it. Every call
// carries the interview link's token; there is no session.

import { asksToSlowDown, retryAfterMs } from "./retry-after";

export type UploadProgress = { uploadId: string; nextChunk: number; receivedBytes: number; status: string };

export class UploadError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** How long the server asked to wait (Retry-After with a 429 or 503), when it did. */
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
    this.name = "UploadError";
  }

  /** Worth trying again later: no answer at all (offline), or the server's or a proxy's trouble. */
  get retryable(): boolean {
    return this.status === 0 || this.status === 408 || this.status === 429 || this.status >= 500;
  }
}

async function call(token: string, method: string, path: string, body?: BodyInit, json = true): Promise<Record<string, unknown>> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: {
        "x-interview-token": token,
        ...(json && body !== undefined ? { "content-type": "application/json" } : { "content-type": "application/octet-stream" }),
      },
      body,
      cache: "no-store",
    });
  } catch (error) {
    throw new UploadError(0, "NETWORK", error instanceof Error ? error.message : "The network is unavailable.");
  }
  const text = await response.text().catch(() => "");
  let parsed: unknown = null;
  try {
    parsed = text ? JSON.parse(text) : {};
  } catch {
    parsed = null;
  }
  if (!response.ok) {
    const error = (parsed as { error?: { code?: unknown; message?: unknown } } | null)?.error;
    throw new UploadError(
      response.status,
      typeof error?.code === "string" ? error.code : `HTTP_${response.status}`,
      typeof error?.message === "string" ? error.message : `The upload service answered ${response.status}.`,
      asksToSlowDown(response.status) ? retryAfterMs(response.headers.get("retry-after")) : null,
    );
  }
  if (parsed === null || typeof parsed !== "object") throw new UploadError(502, "BAD_RESPONSE", "The upload service sent an unreadable answer.");
  return parsed as Record<string, unknown>;
}

function progress(body: Record<string, unknown>, uploadId?: string): UploadProgress {
  const id = typeof body.uploadId === "string" ? body.uploadId : uploadId;
  if (!id || typeof body.nextChunk !== "number") throw new UploadError(502, "BAD_RESPONSE", "The upload service sent an unreadable answer.");
  return {
    uploadId: id,
    nextChunk: body.nextChunk,
    receivedBytes: Number(body.receivedBytes ?? 0),
    status: typeof body.status === "string" ? body.status : "OPEN",
  };
}

export function createUploadApi(token: string) {
  return {
    /** Opens the upload of one take, or finds the one already open for it. */
    async start(input: { responseId: string; take: number; contentType: string }): Promise<UploadProgress> {
      return progress(await call(token, "POST", "/api/uploads", JSON.stringify(input)));
    },
    async status(uploadId: string): Promise<UploadProgress> {
      return progress(await call(token, "GET", `/api/uploads/${encodeURIComponent(uploadId)}`), uploadId);
    },
    async putChunk(uploadId: string, index: number, blob: Blob): Promise<UploadProgress> {
      return progress(await call(token, "PUT", `/api/uploads/${encodeURIComponent(uploadId)}/chunks/${index}`, blob, false), uploadId);
    },
    async complete(uploadId: string, durationMs: number | undefined): Promise<void> {
      await call(token, "POST", `/api/uploads/${encodeURIComponent(uploadId)}/complete`, JSON.stringify(durationMs === undefined ? {} : { durationMs }));
    },
  };
}

export type UploadApi = ReturnType<typeof createUploadApi>;
