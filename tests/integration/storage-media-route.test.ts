import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET, HEAD } from "@/app/api/media/[...key]/route";
import { env, resetEnvForTests } from "@/server/config/env";
import { getStorage } from "@/server/storage";
import { buildMediaUrl } from "@/server/storage/signing";

const KEY = "recordings/org-m/inv-m/resp-m-take1.webm";
const bytes = randomBytes(256 * 1024);
let storageDir: string;

beforeAll(async () => {
  storageDir = await mkdtemp(path.join(tmpdir(), "media-route-"));
  process.env.STORAGE_DIR = storageDir;
  delete process.env.BLOB_READ_WRITE_TOKEN;
  delete process.env.UPLOADTHING_TOKEN;
  resetEnvForTests();
  await getStorage().put(KEY, Readable.from([bytes]), { contentType: "video/webm" });
});

afterAll(async () => {
  await rm(storageDir, { recursive: true, force: true });
});

function call(handler: typeof GET, url: string, headers: Record<string, string> = {}) {
  const { pathname } = new URL(url);
  const key = pathname
    .replace(/^\/api\/media\//, "")
    .split("/")
    .map(decodeURIComponent);
  return handler(new Request(url, { headers }), { params: Promise.resolve({ key }) });
}

async function signed(opts: { expiresInSec?: number; disposition?: "inline" | "attachment" } = {}) {
  return getStorage().signedUrl(KEY, { expiresInSec: opts.expiresInSec ?? 300, contentType: "video/webm", disposition: opts.disposition });
}

describe("GET /api/media/[...key]", () => {
  it("is where the local driver's signed URLs point", async () => {
    expect(getStorage().driver).toBe("local");
    expect(await signed()).toMatch(/^http:\/\/localhost:3000\/api\/media\/recordings\/org-m\/inv-m\/resp-m-take1\.webm\?/);
  });

  it("serves the whole file with its type, length and private caching", async () => {
    const response = await call(GET, await signed());
    expect(response.status).toBe(200);
    expect(Object.fromEntries(response.headers)).toMatchObject({
      "content-type": "video/webm",
      "content-length": String(bytes.length),
      "accept-ranges": "bytes",
      "cache-control": "private",
      "x-content-type-options": "nosniff",
      "content-disposition": "inline",
    });
    expect(Buffer.from(await response.arrayBuffer()).equals(bytes)).toBe(true);
  });

  it("answers a Range request with 206 and just those bytes, so <video> can seek", async () => {
    const url = await signed();
    const middle = await call(GET, url, { range: "bytes=1000-4999" });
    expect(middle.status).toBe(206);
    expect(middle.headers.get("content-range")).toBe(`bytes 1000-4999/${bytes.length}`);
    expect(middle.headers.get("content-length")).toBe("4000");
    expect(Buffer.from(await middle.arrayBuffer()).equals(bytes.subarray(1000, 5000))).toBe(true);

    const open = await call(GET, url, { range: `bytes=${bytes.length - 10}-` });
    expect(open.status).toBe(206);
    expect(Buffer.from(await open.arrayBuffer()).equals(bytes.subarray(bytes.length - 10))).toBe(true);

    const suffix = await call(GET, url, { range: "bytes=-16" });
    expect(suffix.headers.get("content-range")).toBe(`bytes ${bytes.length - 16}-${bytes.length - 1}/${bytes.length}`);
    expect((await suffix.arrayBuffer()).byteLength).toBe(16);

    const beyond = await call(GET, url, { range: `bytes=${bytes.length}-` });
    expect(beyond.status).toBe(416);
    expect(beyond.headers.get("content-range")).toBe(`bytes */${bytes.length}`);
  });

  it("answers HEAD with the headers only, and offers a download when signed as an attachment", async () => {
    const head = await call(HEAD, await signed(), { range: "bytes=0-99" });
    expect(head.status).toBe(206);
    expect(head.headers.get("content-length")).toBe("100");
    expect(head.body).toBeNull();
    const download = await call(GET, await signed({ disposition: "attachment" }));
    expect(download.headers.get("content-disposition")).toBe('attachment; filename="resp-m-take1.webm"');
    await download.body?.cancel();
  });

  it("refuses a bad or missing signature with 403 and a clear JSON message", async () => {
    const url = new URL(await signed());
    url.searchParams.set("sig", "A".repeat(43));
    const forged = await call(GET, url.toString());
    expect(forged.status).toBe(403);
    expect(await forged.json()).toEqual({ error: { code: "INVALID_SIGNATURE", message: "This media link's signature is not valid." } });

    const retyped = new URL(await signed());
    retyped.searchParams.set("ct", "text/html");
    expect((await call(GET, retyped.toString())).status).toBe(403);

    const bare = await call(GET, `http://localhost:3000/api/media/${KEY}`);
    expect(bare.status).toBe(403);
    expect(((await bare.json()) as { error: { message: string } }).error.message).toMatch(/incomplete/);

    // A valid signature for one file opens no other.
    const other = new URL(await signed());
    other.pathname = "/api/media/recordings/org-m/inv-m/other.webm";
    expect((await call(GET, other.toString())).status).toBe(403);
  });

  it("refuses an expired link with 403 EXPIRED", async () => {
    const exp = Math.floor(Date.now() / 1000) - 1;
    const url = buildMediaUrl(env().APP_URL, { key: KEY, exp, contentType: "video/webm", disposition: "inline" }, env().NEXTAUTH_SECRET);
    const response = await call(GET, url);
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: { code: "EXPIRED", message: expect.stringMatching(/expired/) } });
  });

  it("answers 404 for a signed key with no file and never reads outside the storage root", async () => {
    const missing = "recordings/org-m/inv-m/missing.webm";
    const url = await getStorage().signedUrl(missing, { expiresInSec: 60, contentType: "video/webm" });
    expect((await call(GET, url)).status).toBe(404);

    const exp = Math.floor(Date.now() / 1000) + 60;
    const traversal = buildMediaUrl(env().APP_URL, { key: "../../etc/passwd", exp, contentType: "text/plain", disposition: "inline" }, env().NEXTAUTH_SECRET);
    const response = await GET(new Request(traversal), { params: Promise.resolve({ key: ["..", "..", "etc", "passwd"] }) });
    expect(response.status).toBe(404);
  });
});
