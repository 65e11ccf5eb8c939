import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeWebReadableStream } from "node:stream/web";
import type { StorageBody } from "./types";

/** Node streams everywhere inside the server: a web stream (a Request's body) is adapted, not read into memory. */
export function toNodeReadable(body: StorageBody): Readable {
  return body instanceof Readable ? body : Readable.fromWeb(body as unknown as NodeWebReadableStream<Uint8Array>);
}

/** For Response bodies, which want a web stream. */
export function toWebStream(stream: Readable): ReadableStream<Uint8Array> {
  return Readable.toWeb(stream) as unknown as ReadableStream<Uint8Array>;
}

/** Passes a stream through unchanged and counts its bytes, for backends that do not report a size. */
export function countingStream(source: Readable): { stream: Readable; bytes: () => number } {
  let bytes = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      bytes += chunk.length;
      callback(null, chunk);
    },
  });
  // An error on the source destroys the counter, so whoever reads it sees the failure.
  pipeline(source, counter).catch(() => {});
  return { stream: counter, bytes: () => bytes };
}
