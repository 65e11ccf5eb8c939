import type { Storage } from "./types";
import { toWebStream } from "./streams";

export type RangeRequest = { kind: "full" } | { kind: "partial"; start: number; end: number } | { kind: "unsatisfiable" };

/**
 * One `Range: bytes=…` header against an object of `size` bytes (RFC 9110 §14). Several ranges or
 * a malformed header are answered with the whole object, which the RFC allows and which every
 * <video> element copes with; `end` is inclusive and clamped to the object.
 */
export function parseRange(header: string | null | undefined, size: number): RangeRequest {
  if (!header) return { kind: "full" };
  const match = /^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(header);
  if (!match) return { kind: "full" };
  const [, first = "", last = ""] = match;
  if (first === "" && last === "") return { kind: "full" };

  if (first === "") {
    const suffix = Number(last);
    if (suffix === 0 || size === 0) return { kind: "unsatisfiable" };
    return { kind: "partial", start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  const end = last === "" ? Infinity : Number(last);
  if (!Number.isSafeInteger(start) || end < start) return { kind: "full" };
  if (start >= size) return { kind: "unsatisfiable" };
  return { kind: "partial", start, end: Math.min(end, size - 1) };
}

/**
 * The answer to a GET or HEAD of a stored object with `headers` already set (type, caching,
 * disposition): the whole object, the requested byte range (206), or 416 for a range past its end.
 */
export async function rangeResponse(opts: {
  request: Request;
  storage: Storage;
  key: string;
  size: number;
  headers: Headers;
  withBody: boolean;
}): Promise<Response> {
  const { request, storage, key, size, headers, withBody } = opts;
  const range = parseRange(request.headers.get("range"), size);
  if (range.kind === "unsatisfiable") {
    headers.set("content-range", `bytes */${size}`);
    return new Response(null, { status: 416, headers });
  }
  const { start, end } = range.kind === "partial" ? range : { start: 0, end: size - 1 };
  headers.set("content-length", String(Math.max(0, end - start + 1)));
  if (range.kind === "partial") headers.set("content-range", `bytes ${start}-${end}/${size}`);
  const status = range.kind === "partial" ? 206 : 200;
  if (!withBody || size === 0) return new Response(null, { status, headers });
  return new Response(toWebStream(await storage.createReadStream(key, { start, end })), { status, headers });
}
