import { readFileSync } from "node:fs";
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { buffer } from "node:stream/consumers";

/**
 * A stand-in for Groq's API on 127.0.0.1: it records every request and answers each with the next
 * queued reply (status, headers, JSON body), so the real SDKs (groq-sdk, @ai-sdk/groq) run their
 * whole request, retry and parsing paths against it. Point GROQ_BASE_URL at `baseUrl`.
 */
export type StandInReply = { status: number; headers?: Record<string, string>; body: unknown };
export type StandInRequest = { at: number; method: string; path: string; headers: IncomingHttpHeaders; body: Buffer<ArrayBuffer> };

export type GroqStandIn = {
  /** Groq's root address on this server (like https://api.groq.com). */
  baseUrl: string;
  /** Replies still to give, in order; an unqueued request gets a 500. */
  replies: StandInReply[];
  requests: StandInRequest[];
  /** The JSON bodies of the requests so far. */
  jsonBodies(): Record<string, unknown>[];
  reset(): void;
  close(): Promise<void>;
};

export const groqError = (message: string, type: string, code?: string) => ({ error: { message, type, ...(code ? { code } : {}) } });

export async function startGroqStandIn(): Promise<GroqStandIn> {
  const standIn = { replies: [] as StandInReply[], requests: [] as StandInRequest[] };

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const body = await buffer(req);
    standIn.requests.push({ at: Date.now(), method: req.method ?? "", path: req.url ?? "", headers: req.headers, body });
    const reply = standIn.replies.shift() ?? { status: 500, body: groqError("no reply queued", "internal_server_error") };
    res.writeHead(reply.status, { "content-type": "application/json", ...reply.headers });
    res.end(JSON.stringify(reply.body));
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      res.writeHead(599);
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));

  return Object.assign(standIn, {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    jsonBodies: () => standIn.requests.map((r) => JSON.parse(r.body.toString("utf8")) as Record<string, unknown>),
    reset() {
      standIn.replies.length = 0;
      standIn.requests.length = 0;
    },
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  });
}

const REPLIES_DIR = path.resolve(import.meta.dirname, "../fixtures/groq-replies");

/** A recorded-shape Groq reply body from tests/fixtures/groq-replies/<name>.json. */
export function groqReplyBody(name: string): unknown {
  return JSON.parse(readFileSync(path.join(REPLIES_DIR, `${name}.json`), "utf8"));
}

/** That body as a reply to queue: 200 unless said otherwise. */
export function groqReply(name: string, status = 200, headers?: Record<string, string>): StandInReply {
  return { status, headers, body: groqReplyBody(name) };
}
