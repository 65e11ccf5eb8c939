/**
 * The request's body, read up to `maxBytes` whatever Content-Length claims, so a huge body cannot
 * fill memory; null when it is larger.
 */
export async function readBodyLimited(request: Request, maxBytes: number): Promise<Buffer | null> {
  if (Number(request.headers.get("content-length") ?? 0) > maxBytes) return null;
  const parts: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel();
        return null;
      }
      parts.push(value);
    }
  }
  return Buffer.concat(parts);
}
