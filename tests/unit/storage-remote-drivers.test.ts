import { createHmac, randomBytes } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { buffer } from "node:stream/consumers";
import { Agent, buildConnector, fetch as undiciFetch, getGlobalDispatcher, setGlobalDispatcher, type Dispatcher } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseServerEnv, resetEnvForTests } from "@/server/config/env";
import { configuredDriver, createStorage } from "@/server/storage";
import { UploadThingStorage } from "@/server/storage/uploadthing";
import { VercelBlobStorage } from "@/server/storage/vercel-blob";

// The Vercel Blob and UploadThing drivers with their real SDKs, talking HTTP to stand-ins of the
// two services on 127.0.0.1. Both SDKs let their API hosts be overridden (VERCEL_BLOB_API_URL;
// UPLOADTHING_API_URL, UPLOADTHING_INGEST_URL, UPLOADTHING_UFS_HOST). Vercel Blob's file host
// cannot be: `get` and presigned URLs always name <store>.<access>.blob.vercel-storage.com, so an
// undici dispatcher connects that host name to the stand-in instead (plain HTTP, no TLS).

type StoredFile = { bytes: Buffer; contentType: string };

function listen(handler: (req: IncomingMessage, res: ServerResponse) => Promise<void>): Promise<{ server: Server; port: number }> {
  const server = createServer((req, res) => {
    handler(req, res).catch((error: unknown) => {
      res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: { code: "unknown_error", message: String(error) } }));
    });
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve({ server, port: (server.address() as AddressInfo).port })));
}

function sendJson(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

/** A file host's answer, honouring one Range header the way a CDN does. */
function sendFile(req: IncomingMessage, res: ServerResponse, file: StoredFile) {
  const size = file.bytes.length;
  const match = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? "");
  if (!match) {
    res.writeHead(200, { "content-type": file.contentType, "content-length": size });
    res.end(file.bytes);
    return;
  }
  const start = match[1] === "" ? size - Number(match[2]) : Number(match[1]);
  const end = match[1] === "" || match[2] === "" ? size - 1 : Math.min(Number(match[2]), size - 1);
  if (start >= size) {
    res.writeHead(416, { "content-range": `bytes */${size}` });
    res.end();
    return;
  }
  res.writeHead(206, { "content-type": file.contentType, "content-length": end - start + 1, "content-range": `bytes ${start}-${end}/${size}` });
  res.end(file.bytes.subarray(start, end + 1));
}

const b64url = (value: Buffer | string) => Buffer.from(value).toString("base64url");
const hmac = (key: string, data: string) => createHmac("sha256", key).update(data).digest();

const servers: Server[] = [];
let previousDispatcher: Dispatcher;
let scratch: string;
const savedEnv = { ...process.env };

beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), "storage-remote-"));
  // UploadThing's driver spools streams under STORAGE_DIR, read through the app's env().
  Object.assign(process.env, { STORAGE_DIR: scratch, DATABASE_URL: "postgres://unused/db", NEXTAUTH_SECRET: "unit-test-secret-unit-test-secret-0123" });
  resetEnvForTests();
  previousDispatcher = getGlobalDispatcher();
});

afterAll(async () => {
  setGlobalDispatcher(previousDispatcher);
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  await rm(scratch, { recursive: true, force: true });
  process.env = savedEnv;
  resetEnvForTests();
});

describe("choosing the driver", () => {
  const base = { DATABASE_URL: "postgres://x/y", NEXTAUTH_SECRET: "unit-test-secret-unit-test-secret-0123", STORAGE_DIR: "/tmp/storage-choice" };
  it("prefers Vercel Blob, then UploadThing, then local disk, and names it", () => {
    const blob = parseServerEnv({ ...base, BLOB_READ_WRITE_TOKEN: "vercel_blob_rw_store_secret", UPLOADTHING_TOKEN: "x" });
    expect(configuredDriver(blob)).toBe("vercel-blob");
    expect(createStorage(configuredDriver(blob), blob).driver).toBe("vercel-blob");
    const ut = parseServerEnv({ ...base, UPLOADTHING_TOKEN: "x" });
    expect(createStorage(configuredDriver(ut), ut).driver).toBe("uploadthing");
    const local = parseServerEnv(base);
    expect(createStorage(configuredDriver(local), local).driver).toBe("local");
  });
});

describe("the Vercel Blob driver (@vercel/blob against a stand-in)", () => {
  const STORE = "teststore";
  const STORE_SECRET = "store-signing-secret";
  const TOKEN = `vercel_blob_rw_${STORE}_readwritesecret`;
  const blobs = new Map<string, StoredFile>();
  const puts: Record<string, string | undefined>[] = [];
  let storage: VercelBlobStorage;

  const blobUrl = (pathname: string) => `https://${STORE}.private.blob.vercel-storage.com/${pathname}`;

  beforeAll(async () => {
    const api = await listen(async (req, res) => {
      const url = new URL(req.url!, "http://api");
      if (req.headers.authorization !== `Bearer ${TOKEN}`) return sendJson(res, 403, { error: { code: "forbidden", message: "bad token" } });
      if (req.method === "PUT" && url.pathname === "/api/blob/") {
        const pathname = url.searchParams.get("pathname")!;
        puts.push({
          pathname,
          access: req.headers["x-vercel-blob-access"] as string,
          contentType: req.headers["x-content-type"] as string,
          allowOverwrite: req.headers["x-allow-overwrite"] as string,
          addRandomSuffix: req.headers["x-add-random-suffix"] as string,
        });
        blobs.set(pathname, { bytes: await buffer(req), contentType: req.headers["x-content-type"] as string });
        return sendJson(res, 200, {
          url: blobUrl(pathname),
          downloadUrl: `${blobUrl(pathname)}?download=1`,
          pathname,
          contentType: req.headers["x-content-type"],
          contentDisposition: "inline",
          etag: '"1"',
        });
      }
      if (req.method === "GET" && url.pathname === "/api/blob") {
        const pathname = url.searchParams.get("url")!;
        const file = blobs.get(pathname);
        if (!file) return sendJson(res, 404, { error: { code: "not_found", message: "The requested blob does not exist" } });
        return sendJson(res, 200, {
          url: blobUrl(pathname),
          downloadUrl: `${blobUrl(pathname)}?download=1`,
          pathname,
          size: file.bytes.length,
          contentType: file.contentType,
          contentDisposition: "inline",
          cacheControl: "public, max-age=0",
          uploadedAt: new Date().toISOString(),
          etag: '"1"',
        });
      }
      if (req.method === "POST" && url.pathname === "/api/blob/delete") {
        const { urls } = JSON.parse((await buffer(req)).toString()) as { urls: string[] };
        for (const u of urls) blobs.delete(u);
        return sendJson(res, 200, {});
      }
      if (req.method === "POST" && url.pathname === "/api/blob/signed-token") {
        const body = JSON.parse((await buffer(req)).toString()) as { pathname: string; operations: string[]; validUntil: number };
        const delegationToken = `${b64url(JSON.stringify({ storeId: STORE, ...body }))}.${b64url(hmac(STORE_SECRET, JSON.stringify(body)))}`;
        return sendJson(res, 200, { delegationToken, clientSigningToken: b64url(hmac(STORE_SECRET, delegationToken)), validUntil: body.validUntil });
      }
      sendJson(res, 404, { error: { code: "not_found", message: `${req.method} ${url.pathname}` } });
    });
    const cdn = await listen(async (req, res) => {
      const url = new URL(req.url!, "http://cdn");
      const pathname = decodeURIComponent(url.pathname.slice(1));
      const delegation = url.searchParams.get("vercel-blob-delegation");
      if (delegation) {
        // What the CDN checks on a presigned URL: the store's own signature over the delegation, its scope, and the URL's signature.
        const scope = JSON.parse(Buffer.from(delegation.split(".")[0]!, "base64url").toString()) as {
          pathname: string;
          operations: string[];
          validUntil: number;
        };
        const until = Number(url.searchParams.get("vercel-blob-valid-until") ?? scope.validUntil);
        const lines = ["operation=get", `pathname=${pathname}`];
        if (url.searchParams.has("vercel-blob-valid-until")) lines.push(`vercel-blob-valid-until=${until}`);
        const expected = b64url(hmac(b64url(hmac(STORE_SECRET, delegation)), lines.sort().join("\n")));
        if (
          scope.pathname !== pathname ||
          !scope.operations.includes("get") ||
          until < Date.now() ||
          url.searchParams.get("vercel-blob-signature") !== expected
        ) {
          res.writeHead(403);
          return void res.end("Forbidden");
        }
      } else if (req.headers.authorization !== `Bearer ${TOKEN}`) {
        res.writeHead(403);
        return void res.end("Forbidden");
      }
      const file = blobs.get(pathname);
      if (!file) {
        res.writeHead(404);
        return void res.end("Not found");
      }
      sendFile(req, res, file);
    });
    servers.push(api.server, cdn.server);

    process.env.VERCEL_BLOB_API_URL = `http://127.0.0.1:${api.port}/api/blob`;
    process.env.VERCEL_BLOB_RETRIES = "0";
    const direct = buildConnector({});
    setGlobalDispatcher(
      new Agent({
        connect(options, callback) {
          if (!options.hostname.endsWith(".blob.vercel-storage.com")) return direct(options, callback);
          const socket = net.connect(cdn.port, "127.0.0.1");
          socket.once("connect", () => callback(null, socket)).once("error", (error) => callback(error, null));
        },
      }),
    );
    storage = new VercelBlobStorage(TOKEN);
  });

  const video = randomBytes(300 * 1024);

  it("streams a private blob under exactly the given key, overwriting a retried upload", async () => {
    expect(storage.driver).toBe("vercel-blob");
    const stored = await storage.put("recordings/o/i/r-take1.webm", Readable.from([video.subarray(0, 1000), video.subarray(1000)]), {
      contentType: "video/webm",
    });
    expect(stored).toEqual({ key: "recordings/o/i/r-take1.webm", size: video.length });
    expect(puts.at(-1)).toEqual({
      pathname: "recordings/o/i/r-take1.webm",
      access: "private",
      contentType: "video/webm",
      allowOverwrite: "1",
      addRandomSuffix: "0",
    });
    expect(blobs.get("recordings/o/i/r-take1.webm")!.bytes.equals(video)).toBe(true);

    const file = path.join(scratch, "assembled.part");
    await writeFile(file, video.subarray(0, 5000));
    expect(await storage.putFile("recordings/o/i/r-take2.webm", file, { contentType: "video/webm" })).toEqual({
      key: "recordings/o/i/r-take2.webm",
      size: 5000,
    });
  });

  it("reads a blob back whole and by range, and stats it", async () => {
    expect((await buffer(await storage.createReadStream("recordings/o/i/r-take1.webm"))).equals(video)).toBe(true);
    expect((await buffer(await storage.createReadStream("recordings/o/i/r-take1.webm", { start: 100, end: 199 }))).equals(video.subarray(100, 200))).toBe(true);
    expect(await storage.stat("recordings/o/i/r-take1.webm")).toEqual({ size: video.length, contentType: "video/webm" });
    expect(await storage.stat("recordings/o/i/missing.webm")).toBeNull();
    await expect(storage.createReadStream("recordings/o/i/missing.webm")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("signs a presigned URL scoped to the one blob that the file host accepts until it expires", async () => {
    const url = await storage.signedUrl("recordings/o/i/r-take1.webm", { expiresInSec: 600, contentType: "video/webm" });
    const parsed = new URL(url);
    expect(parsed.host).toBe(`${STORE}.private.blob.vercel-storage.com`);
    expect(parsed.pathname).toBe("/recordings/o/i/r-take1.webm");
    const scope = JSON.parse(Buffer.from(parsed.searchParams.get("vercel-blob-delegation")!.split(".")[0]!, "base64url").toString()) as Record<string, unknown>;
    expect(scope).toMatchObject({ pathname: "recordings/o/i/r-take1.webm", operations: ["get"] });
    expect(Number(scope.validUntil) - Date.now()).toBeGreaterThan(590_000);

    const ok = await undiciFetch(url, { headers: { range: "bytes=0-9" } });
    expect(ok.status).toBe(206);
    expect(Buffer.from(await ok.arrayBuffer()).equals(video.subarray(0, 10))).toBe(true);

    const other = new URL(url);
    other.pathname = "/recordings/o/i/r-take2.webm";
    expect((await undiciFetch(other)).status).toBe(403);

    const download = await storage.signedUrl("recordings/o/i/r-take1.webm", { expiresInSec: 60, contentType: "video/webm", disposition: "attachment" });
    expect(new URL(download).searchParams.get("download")).toBe("1");
  });

  it("deletes", async () => {
    await storage.delete("recordings/o/i/r-take2.webm");
    expect(await storage.stat("recordings/o/i/r-take2.webm")).toBeNull();
  });
});

describe("the UploadThing driver (uploadthing/server UTApi against a stand-in)", () => {
  const API_KEY = "sk_test_uploadthing_secret";
  const APP_ID = "app123";
  const TOKEN = Buffer.from(JSON.stringify({ apiKey: API_KEY, appId: APP_ID, regions: ["local"] })).toString("base64");
  const files = new Map<string, StoredFile & { name: string; acl: string | null }>();
  let storage: UploadThingStorage;
  let origin: string;

  /** UploadThing signs the whole URL, expiry included, with the API key, and appends the signature last. */
  function signatureOk(url: URL): boolean {
    const signed = `${origin}${url.pathname}${url.search.replace(/&signature=[^&]*$/, "")}`;
    const expected = `hmac-sha256=${createHmac("sha256", API_KEY).update(signed).digest("hex")}`;
    return url.searchParams.get("signature") === expected && Number(url.searchParams.get("expires")) > Date.now();
  }

  beforeAll(async () => {
    const stand = await listen(async (req, res) => {
      const url = new URL(req.url!, "http://localhost");
      if (req.method === "PUT" && url.pathname.startsWith("/ingest/")) {
        if (!signatureOk(url)) return sendJson(res, 403, { error: "Invalid signature" });
        const form = await new Response(Readable.toWeb(req) as ReadableStream, { headers: { "content-type": req.headers["content-type"]! } }).formData();
        const file = form.get("file") as Blob;
        const key = url.pathname.slice("/ingest/".length);
        const meta = (name: string) => decodeURIComponent(url.searchParams.get(name) ?? "");
        if (Number(meta("x-ut-file-size")) !== file.size) return sendJson(res, 400, { error: "size mismatch" });
        files.set(key, {
          bytes: Buffer.from(await file.arrayBuffer()),
          contentType: meta("x-ut-file-type"),
          name: meta("x-ut-file-name"),
          acl: url.searchParams.get("x-ut-acl"),
        });
        const ufsUrl = `http://localhost:${(stand.server.address() as AddressInfo).port}/a/${APP_ID}/${key}`;
        return sendJson(res, 200, { url: ufsUrl, appUrl: ufsUrl, ufsUrl, fileHash: "hash" });
      }
      if (req.method === "GET" && url.pathname.startsWith(`/a/${APP_ID}/`)) {
        if (!signatureOk(url)) return sendJson(res, 403, { error: "Invalid signature" });
        const file = files.get(url.pathname.slice(`/a/${APP_ID}/`.length));
        if (!file) return sendJson(res, 404, { error: "Not found" });
        return sendFile(req, res, file);
      }
      if (req.method === "POST" && url.pathname === "/api/v6/deleteFiles") {
        if (req.headers["x-uploadthing-api-key"] !== API_KEY) return sendJson(res, 401, { error: "bad key" });
        const { fileKeys } = JSON.parse((await buffer(req)).toString()) as { fileKeys: string[] };
        let deletedCount = 0;
        for (const key of fileKeys) deletedCount += files.delete(key) ? 1 : 0;
        return sendJson(res, 200, { success: true, deletedCount });
      }
      sendJson(res, 404, { error: `${req.method} ${url.pathname}` });
    });
    servers.push(stand.server);
    origin = `http://localhost:${stand.port}`;
    process.env.UPLOADTHING_INGEST_URL = `http://localhost:${stand.port}/ingest`;
    process.env.UPLOADTHING_API_URL = `http://localhost:${stand.port}/api`;
    // "local" in the host makes the SDK use http; "path" puts the app id in the path instead of a subdomain.
    process.env.UPLOADTHING_UFS_HOST = `localhost:${stand.port}`;
    process.env.UPLOADTHING_UFS_APP_ID_LOCATION = "path";
    storage = new UploadThingStorage(TOKEN);
  });

  const video = randomBytes(200 * 1024);
  let key: string;

  it("uploads a private file and keeps UploadThing's own file key", async () => {
    expect(storage.driver).toBe("uploadthing");
    const file = path.join(scratch, "ut.part");
    await writeFile(file, video);
    const stored = await storage.putFile("recordings/o/i/r-take1.webm", file, { contentType: "video/webm" });
    key = stored.key;
    expect(stored.size).toBe(video.length);
    expect(key).not.toContain("/");
    expect(files.get(key)).toMatchObject({ name: "r-take1.webm", contentType: "video/webm", acl: "private" });
    expect(files.get(key)!.bytes.equals(video)).toBe(true);

    const fromStream = await storage.put("recordings/o/i/r-take2.webm", Readable.from([video.subarray(0, 777)]), { contentType: "video/webm" });
    expect(fromStream.size).toBe(777);
    expect(files.get(fromStream.key)!.bytes.equals(video.subarray(0, 777))).toBe(true);
  });

  it("reads the file back whole and by range through signed URLs, and stats it", async () => {
    expect((await buffer(await storage.createReadStream(key))).equals(video)).toBe(true);
    expect((await buffer(await storage.createReadStream(key, { start: 10, end: 19 }))).equals(video.subarray(10, 20))).toBe(true);
    expect(await storage.stat(key)).toEqual({ size: video.length, contentType: "video/webm" });
    expect(await storage.stat("missingfilekey")).toBeNull();
    await expect(storage.createReadStream("missingfilekey")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("hands out a signed URL that expires when asked", async () => {
    const before = Date.now();
    const url = new URL(await storage.signedUrl(key, { expiresInSec: 900, contentType: "video/webm" }));
    expect(url.pathname).toBe(`/a/${APP_ID}/${key}`);
    expect(Number(url.searchParams.get("expires")) - before).toBeGreaterThanOrEqual(900_000);
    expect(Number(url.searchParams.get("expires")) - before).toBeLessThan(905_000);
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer()).equals(video)).toBe(true);
    url.searchParams.set("expires", String(Date.now() + 10 * 24 * 3600 * 1000));
    expect((await fetch(url)).status).toBe(403);
  });

  it("deletes", async () => {
    await storage.delete(key);
    expect(await storage.stat(key)).toBeNull();
  });
});
