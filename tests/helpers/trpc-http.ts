import superjson from "superjson";
import { handleTrpcRequest } from "@/server/trpc/http";

export const APP_ORIGIN = "http://localhost:3000";

type Options = { cookie?: string | null; headers?: Record<string, string>; body?: BodyInit; method?: "GET" | "POST" };

/** One tRPC call (or a batch: a path with its own query string) through the HTTP handler the app serves, with the headers a same-origin page sends. */
export async function trpcHttp(path: string, input: unknown, opts: Options = {}) {
  const method = opts.method ?? "POST";
  const headers = new Headers({ "content-type": "application/json", origin: APP_ORIGIN, "sec-fetch-site": "same-origin" });
  for (const [name, value] of Object.entries(opts.headers ?? {})) {
    if (value === "") headers.delete(name);
    else headers.set(name, value);
  }
  if (opts.cookie) headers.set("cookie", opts.cookie);
  const serialized = JSON.stringify(superjson.serialize(input));
  const url =
    method === "GET" && !path.includes("?") ? `${APP_ORIGIN}/api/trpc/${path}?input=${encodeURIComponent(serialized)}` : `${APP_ORIGIN}/api/trpc/${path}`;
  const body = method === "POST" ? (opts.body ?? serialized) : undefined;
  if (body instanceof FormData) headers.delete("content-type");
  const response = await handleTrpcRequest(new Request(url, { method, headers, body }));
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, body: text.startsWith("{") ? (JSON.parse(text) as TrpcBody) : null };
}

export type TrpcBody = { error?: { json: { message: string; code: number; data: { code: string; zod: { fieldErrors: Record<string, string[]> } | null } } } };
