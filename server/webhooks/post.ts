import http from "node:http";
import https from "node:https";
import { AddressRefused, guardedLookup, resolveAllowed } from "./address-guard";

/** An attempt gets this long for the whole exchange: connecting, sending, and the response's first bytes. */
export const ATTEMPT_TIMEOUT_MS = 10_000;
/** How much of a response the delivery log keeps. */
export const RESPONSE_LOG_BYTES = 2048;

export type PostResult = { ok: boolean; status: number | null; body: string | null; error: string | null; durationMs: number };

/**
 * POSTs one webhook. The address check runs first (IP literals never reach a DNS lookup) and again
 * inside the connection's lookup, on the addresses the socket then uses. Redirects are not
 * followed: a 3xx is a failure, as is anything but 2xx.
 */
export async function postWebhook(rawUrl: string, body: string, headers: Record<string, string>): Promise<PostResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const url = new URL(rawUrl);
  try {
    await resolveAllowed(url.hostname);
  } catch (error) {
    if (error instanceof AddressRefused) return { ok: false, status: null, body: null, error: `Refused: ${error.message}.`, durationMs: elapsed() };
    throw error;
  }
  const client = url.protocol === "https:" ? https : http;
  return new Promise<PostResult>((resolve) => {
    let settled = false;
    const finish = (result: Omit<PostResult, "durationMs">) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...result, durationMs: elapsed() });
    };
    const request = client.request(
      url,
      {
        method: "POST",
        lookup: guardedLookup,
        headers: {
          ...headers,
          "content-type": "application/json",
          "content-length": String(Buffer.byteLength(body)),
          "user-agent": "AI-Video-Interview-Webhooks/1",
        },
      },
      (response) => {
        const status = response.statusCode ?? 0;
        const chunks: Buffer[] = [];
        let size = 0;
        const done = () => {
          const text = Buffer.concat(chunks).subarray(0, RESPONSE_LOG_BYTES).toString("utf8");
          finish({ ok: status >= 200 && status < 300, status, body: text, error: status >= 300 && status < 400 ? "Redirects are not followed." : null });
          response.destroy();
        };
        response.on("data", (chunk: Buffer) => {
          chunks.push(chunk);
          size += chunk.length;
          if (size >= RESPONSE_LOG_BYTES) done();
        });
        response.on("end", done);
        response.on("error", done);
      },
    );
    const timer = setTimeout(() => {
      finish({ ok: false, status: null, body: null, error: `No answer within ${ATTEMPT_TIMEOUT_MS / 1000} s.` });
      request.destroy();
    }, ATTEMPT_TIMEOUT_MS);
    request.on("error", (error: NodeJS.ErrnoException) => {
      const message = error.code === "EADDRREFUSED" ? `Refused: ${error.message}.` : `${error.code ? `${error.code}: ` : ""}${error.message}`;
      finish({ ok: false, status: null, body: null, error: message });
    });
    request.end(body);
  });
}
