import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { buffer } from "node:stream/consumers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetEnvForTests } from "@/server/config/env";
import { getDb } from "@/server/db/client";
import { deleteQueuedFiles, failedFileDeletions } from "@/server/retention/storage-deletions";

/**
 * Queued file deletions go through each remote driver's real SDK (@vercel/blob's del, UploadThing's
 * UTApi.deleteFiles) to local stand-ins for their APIs. While a service refuses, every file stays
 * queued with its error and attempt count and is listed for admins; the next run deletes them.
 */

const BLOB_TOKEN = "vercel_blob_rw_teststore_readwritesecret";
const UT_KEY = "sk_test_uploadthing_secret";
const UT_TOKEN = Buffer.from(JSON.stringify({ apiKey: UT_KEY, appId: "app123", regions: ["local"] })).toString("base64");

const blobs = new Set(["recordings/r1/take-1.webm", "recordings/r1/audio.wav"]);
const utFiles = new Set(["utkey-recording-1"]);
let down = true;
const servers: Server[] = [];
const saved = { ...process.env };

function sendJson(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}

function listen(handler: (req: IncomingMessage, res: ServerResponse) => Promise<void>): Promise<number> {
  const server = createServer((req, res) => void handler(req, res).catch(() => sendJson(res, 500, { error: "stand-in crashed" })));
  servers.push(server);
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port)));
}

beforeAll(async () => {
  const blobPort = await listen(async (req, res) => {
    if (req.headers.authorization !== `Bearer ${BLOB_TOKEN}`) return sendJson(res, 403, { error: { code: "forbidden", message: "bad token" } });
    if (req.method === "POST" && req.url === "/api/blob/delete") {
      if (down) return sendJson(res, 503, { error: { code: "service_unavailable", message: "Blob store is down" } });
      const { urls } = JSON.parse((await buffer(req)).toString()) as { urls: string[] };
      for (const u of urls) blobs.delete(u);
      return sendJson(res, 200, {});
    }
    sendJson(res, 404, { error: { code: "not_found", message: `${req.method} ${req.url}` } });
  });
  const utPort = await listen(async (req, res) => {
    if (req.method === "POST" && req.url === "/api/v6/deleteFiles") {
      if (req.headers["x-uploadthing-api-key"] !== UT_KEY) return sendJson(res, 401, { error: "bad key" });
      if (down) return sendJson(res, 403, { error: "Storage is suspended" });
      const { fileKeys } = JSON.parse((await buffer(req)).toString()) as { fileKeys: string[] };
      let deletedCount = 0;
      for (const key of fileKeys) deletedCount += utFiles.delete(key) ? 1 : 0;
      return sendJson(res, 200, { success: true, deletedCount });
    }
    sendJson(res, 404, { error: `${req.method} ${req.url}` });
  });
  Object.assign(process.env, {
    BLOB_READ_WRITE_TOKEN: BLOB_TOKEN,
    VERCEL_BLOB_API_URL: `http://127.0.0.1:${blobPort}/api/blob`,
    VERCEL_BLOB_RETRIES: "0",
    UPLOADTHING_TOKEN: UT_TOKEN,
    UPLOADTHING_API_URL: `http://localhost:${utPort}/api`,
  });
  resetEnvForTests();
});

afterAll(async () => {
  process.env = saved;
  resetEnvForTests();
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
});

describe("deleting queued files from remote drivers", () => {
  it("keeps failures queued with their error for admins, and deletes them on the next run", async () => {
    const db = getDb();
    await db.storageDeletion.createMany({
      data: [
        { driver: "vercel-blob", key: "recordings/r1/take-1.webm" },
        { driver: "vercel-blob", key: "recordings/r1/audio.wav" },
        { driver: "uploadthing", key: "utkey-recording-1" },
      ],
    });

    const first = await deleteQueuedFiles(db);
    expect(first.deleted).toBe(0);
    expect(first.failed.map((f) => f.driver).sort()).toEqual(["uploadthing", "vercel-blob", "vercel-blob"]);
    const reported = await failedFileDeletions(db);
    expect(reported).toHaveLength(3);
    for (const row of reported) {
      expect(row.attempts).toBe(1);
      expect(row.lastError).toBeTruthy();
    }
    expect(blobs.size).toBe(2);
    expect(utFiles.size).toBe(1);

    down = false;
    const second = await deleteQueuedFiles(db);
    expect(second).toEqual({ deleted: 3, failed: [] });
    expect(blobs.size).toBe(0);
    expect(utFiles.size).toBe(0);
    expect(await failedFileDeletions(db)).toEqual([]);
    expect(await db.storageDeletion.count({ where: { deletedAt: null } })).toBe(0);
    expect((await db.storageDeletion.findMany()).map((r) => r.attempts)).toEqual([2, 2, 2]);
  }, 60_000);
});
