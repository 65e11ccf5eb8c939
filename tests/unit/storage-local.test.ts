import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { text } from "node:stream/consumers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseServerEnv } from "@/server/config/env";
import { LocalDiskStorage, storageRoot } from "@/server/storage/local";
import { verifyMediaUrl } from "@/server/storage/signing";
import { StorageError } from "@/server/storage/types";

const SECRET = "unit-test-secret-unit-test-secret-0123";
let root: string;
let storage: LocalDiskStorage;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), "storage-local-"));
  storage = new LocalDiskStorage(root, { appUrl: "http://app.test", secret: SECRET });
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("the local-disk driver", () => {
  it("stores a web stream and a Node stream, and reads them back whole or by range", async () => {
    const web = new Blob(["hello, web stream"]).stream();
    expect(await storage.put("a/web.txt", web, { contentType: "text/plain" })).toEqual({ key: "a/web.txt", size: 17 });
    expect(await storage.put("a/node.webm", Readable.from([Buffer.from("0123"), Buffer.from("456789")]), { contentType: "video/webm" })).toEqual({
      key: "a/node.webm",
      size: 10,
    });
    expect(await text(await storage.createReadStream("a/web.txt"))).toBe("hello, web stream");
    expect(await text(await storage.createReadStream("a/node.webm", { start: 2, end: 5 }))).toBe("2345");
    expect(await text(await storage.createReadStream("a/node.webm", { start: 7 }))).toBe("789");
    expect(await storage.stat("a/node.webm")).toEqual({ size: 10, contentType: "video/webm" });
    // Nothing half-written is left behind in the staging folder.
    expect((await readdir(path.join(root, "staging"))).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("moves a file into place with putFile instead of copying it", async () => {
    await mkdir(path.join(root, "staging"), { recursive: true });
    const source = path.join(root, "staging", "moved.part");
    await writeFile(source, "assembled upload");
    expect(await storage.putFile("recordings/o/i/r-take1.webm", source, { contentType: "video/webm" })).toEqual({
      key: "recordings/o/i/r-take1.webm",
      size: 16,
    });
    await expect(readFile(source)).rejects.toMatchObject({ code: "ENOENT" });
    expect(await readFile(path.join(root, "recordings/o/i/r-take1.webm"), "utf8")).toBe("assembled upload");
  });

  it("reports a missing object as null / NOT_FOUND and deletes idempotently", async () => {
    expect(await storage.stat("nope/missing.webm")).toBeNull();
    await expect(storage.createReadStream("nope/missing.webm")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await storage.put("gone.txt", Readable.from(["x"]), { contentType: "text/plain" });
    await storage.delete("gone.txt");
    await storage.delete("gone.txt");
    expect(await storage.stat("gone.txt")).toBeNull();
  });

  it("refuses keys that escape the root or reach the staging folder", async () => {
    for (const key of ["../outside.txt", "/etc/passwd", "staging/abc.part", "a/../../b"]) {
      await expect(storage.put(key, Readable.from(["x"]), { contentType: "text/plain" }), key).rejects.toBeInstanceOf(StorageError);
      await expect(storage.createReadStream(key), key).rejects.toMatchObject({ code: "INVALID_KEY" });
      await expect(storage.signedUrl(key, { expiresInSec: 60, contentType: "text/plain" }), key).rejects.toMatchObject({ code: "INVALID_KEY" });
    }
  });

  it("signs URLs to the media route that verify with the same secret", async () => {
    const url = new URL(await storage.signedUrl("a/node.webm", { expiresInSec: 120, contentType: "video/webm", disposition: "attachment" }));
    expect(url.origin + url.pathname).toBe("http://app.test/api/media/a/node.webm");
    const check = verifyMediaUrl("a/node.webm", url.searchParams, SECRET);
    expect(check).toMatchObject({ ok: true, params: { contentType: "video/webm", disposition: "attachment" } });
    const exp = Number(url.searchParams.get("exp"));
    expect(exp * 1000 - Date.now()).toBeGreaterThan(110_000);
    expect(exp * 1000 - Date.now()).toBeLessThanOrEqual(120_000);
  });

  it("resolves STORAGE_DIR to an absolute path and refuses one inside public/", () => {
    const base = { DATABASE_URL: "postgres://x/y", NEXTAUTH_SECRET: SECRET };
    expect(storageRoot(parseServerEnv({ ...base, STORAGE_DIR: ".data/storage" }))).toBe(path.resolve(".data/storage"));
    expect(() => storageRoot(parseServerEnv({ ...base, STORAGE_DIR: "public/uploads" }))).toThrow(/public/);
  });
});

describe("stored files' permissions (finding 11)", () => {
  it("are readable by the app's user only, whether streamed in or moved in", async () => {
    const { stat } = await import("node:fs/promises");
    await storage.put("perm/streamed.bin", Readable.from([Buffer.from("secret")]), { contentType: "application/octet-stream" });
    const outside = path.join(root, "outside.bin");
    await writeFile(outside, "secret", { mode: 0o644 });
    await storage.putFile("perm/moved.bin", outside, { contentType: "application/octet-stream" });
    for (const key of ["perm/streamed.bin", "perm/moved.bin"]) expect((await stat(path.join(root, key))).mode & 0o777).toBe(0o600);
    expect((await stat(path.join(root, "perm"))).mode & 0o077).toBe(0);
  });
});
