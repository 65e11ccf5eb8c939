import { describe, expect, it } from "vitest";
import { isValidKey, sanitizeKey } from "@/server/storage/keys";
import { parseRange } from "@/server/storage/range";
import { buildMediaUrl, mediaSignature, verifyMediaUrl, type MediaUrlParams } from "@/server/storage/signing";
import { StorageError } from "@/server/storage/types";

const SECRET = "unit-test-secret-unit-test-secret-0123";
const NOW = Date.UTC(2030, 0, 1);
const params: MediaUrlParams = { key: "recordings/org1/inv1/resp1-take1.webm", exp: NOW / 1000 + 600, contentType: "video/webm", disposition: "inline" };

function queryOf(url: string) {
  return new URL(url).searchParams;
}

describe("signed media URLs", () => {
  it("builds an app URL under /api/media that verifies until it expires", () => {
    const url = buildMediaUrl("http://localhost:3000/", params, SECRET);
    expect(url.startsWith("http://localhost:3000/api/media/recordings/org1/inv1/resp1-take1.webm?")).toBe(true);
    expect(verifyMediaUrl(params.key, queryOf(url), SECRET, NOW)).toEqual({ ok: true, params });
    expect(verifyMediaUrl(params.key, queryOf(url), SECRET, (params.exp - 1) * 1000).ok).toBe(true);
  });

  it("refuses an expired URL with a message saying so", () => {
    const url = buildMediaUrl("http://app", params, SECRET);
    const check = verifyMediaUrl(params.key, queryOf(url), SECRET, params.exp * 1000);
    expect(check).toMatchObject({ ok: false, reason: "EXPIRED" });
  });

  it("refuses a URL whose key, expiry, content type or disposition was changed", () => {
    const query = queryOf(buildMediaUrl("http://app", params, SECRET));
    expect(verifyMediaUrl("recordings/org1/inv1/other.webm", query, SECRET, NOW)).toMatchObject({ ok: false, reason: "INVALID" });
    for (const [name, value] of [
      ["exp", String(params.exp + 3600)],
      ["ct", "text/html"],
      ["disp", "attachment"],
    ] as const) {
      const tampered = new URLSearchParams(query);
      tampered.set(name, value);
      expect(verifyMediaUrl(params.key, tampered, SECRET, NOW), name).toMatchObject({ ok: false, reason: "INVALID" });
    }
  });

  it("refuses another secret's signature, a truncated one and missing parameters", () => {
    const query = queryOf(buildMediaUrl("http://app", params, SECRET));
    expect(verifyMediaUrl(params.key, query, `${SECRET}x`, NOW)).toMatchObject({ ok: false, reason: "INVALID" });
    const truncated = new URLSearchParams(query);
    truncated.set("sig", query.get("sig")!.slice(0, 10));
    expect(verifyMediaUrl(params.key, truncated, SECRET, NOW)).toMatchObject({ ok: false, reason: "INVALID" });
    const missing = new URLSearchParams(query);
    missing.delete("sig");
    expect(verifyMediaUrl(params.key, missing, SECRET, NOW)).toMatchObject({ ok: false, reason: "MISSING" });
    const badExp = new URLSearchParams(query);
    badExp.set("exp", "soon");
    expect(verifyMediaUrl(params.key, badExp, SECRET, NOW)).toMatchObject({ ok: false, reason: "INVALID" });
  });

  it("signs every field: no two different parameter sets share a signature", () => {
    const base = mediaSignature(params, SECRET);
    expect(mediaSignature({ ...params, key: `${params.key}x` }, SECRET)).not.toBe(base);
    expect(mediaSignature({ ...params, contentType: "video/mp4" }, SECRET)).not.toBe(base);
    expect(mediaSignature({ ...params, disposition: "attachment" }, SECRET)).not.toBe(base);
    expect(mediaSignature({ ...params, exp: params.exp + 1 }, SECRET)).not.toBe(base);
    expect(base).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});

describe("storage keys", () => {
  it("accepts plain relative paths", () => {
    for (const key of ["a", "recordings/org/inv/resp-take1.webm", "x/y_z/1.2.3", "_private/file"]) {
      expect(sanitizeKey(key)).toBe(key);
    }
  });

  it("refuses anything that could leave the storage root or be ambiguous", () => {
    for (const key of [
      "",
      "/etc/passwd",
      "../secret",
      "a/../../b",
      "a/./b",
      "a//b",
      "a/",
      ".hidden",
      "a\\b",
      "a/b\u0000c",
      "C:/windows",
      "a b",
      "ä/b",
      "-rf",
      "x".repeat(513),
    ]) {
      expect(isValidKey(key), JSON.stringify(key)).toBe(false);
      expect(() => sanitizeKey(key)).toThrow(StorageError);
    }
  });
});

describe("HTTP ranges", () => {
  it("reads the forms a <video> element sends", () => {
    expect(parseRange(null, 1000)).toEqual({ kind: "full" });
    expect(parseRange("bytes=0-", 1000)).toEqual({ kind: "partial", start: 0, end: 999 });
    expect(parseRange("bytes=100-199", 1000)).toEqual({ kind: "partial", start: 100, end: 199 });
    expect(parseRange("bytes=900-5000", 1000)).toEqual({ kind: "partial", start: 900, end: 999 });
    expect(parseRange("bytes=-100", 1000)).toEqual({ kind: "partial", start: 900, end: 999 });
    expect(parseRange("bytes=-5000", 1000)).toEqual({ kind: "partial", start: 0, end: 999 });
  });

  it("answers unsatisfiable ranges and ignores ones it does not serve", () => {
    expect(parseRange("bytes=1000-", 1000)).toEqual({ kind: "unsatisfiable" });
    expect(parseRange("bytes=-0", 1000)).toEqual({ kind: "unsatisfiable" });
    expect(parseRange("bytes=0-", 0)).toEqual({ kind: "unsatisfiable" });
    expect(parseRange("bytes=200-100", 1000)).toEqual({ kind: "full" });
    expect(parseRange("bytes=0-1,5-6", 1000)).toEqual({ kind: "full" });
    expect(parseRange("items=0-1", 1000)).toEqual({ kind: "full" });
  });
});
