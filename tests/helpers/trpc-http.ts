import superjson from "superjson";
import { handleTrpcRequest } from "@/server/trpc/http";

export const APP_ORIGIN = "http://localhost:3000";

type Options = { cookie?: string | null; headers?: Record<string, string>; body?: BodyInit; method?: "GET" | "POST" };

/** One tRPC call through the HTTP handler the app serves, with the headers a same-origin page sends. */
export async function trpcHttp(path: string, input: unknown, opts: Options = {}) {
  const method = opts.method ?? "POST";
  const headers = new Headers({ "content-type": "application/json", origin: APP_ORIGIN, "sec-fetch-site": "same-origin", ...opts.headers });
  if (opts.cookie) headers.set("cookie", opts.cookie);
  const serialized = JSON.stringify(superjson.serialize(input));
  const url = method === "GET" ? `${APP_ORIGIN}/api/trpc/${path}?input=${encodeURIComponent(serialized)}` : `${APP_ORIGIN}/api/trpc/${path}`;
  const response = await handleTrpcRequest(new Request(url, { method, headers, body: method === "POST" ? (opts.body ?? serialized) : undefined }));
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, body: text ? (JSON.parse(text) as TrpcBody) : null };
}

export type TrpcBody = { error?: { json: { message: string; code: number; data: { code: string; zod: { fieldErrors: Record<string, string[]> } | null } } } };
