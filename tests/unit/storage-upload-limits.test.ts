import { describe, expect, it } from "vitest";
import { DEFAULT_MAX_UPLOAD_BYTES, matchesSignature, parseRecordingType, uploadLimits } from "@/server/uploads/limits";
import { UploadError } from "@/server/uploads/errors";

describe("recording content types", () => {
  it("accepts what MediaRecorder reports, codecs included", () => {
    expect(parseRecordingType("video/webm")).toEqual({ base: "video/webm", full: "video/webm", extension: "webm" });
    expect(parseRecordingType("video/webm;codecs=vp8,opus")).toMatchObject({ base: "video/webm", full: "video/webm;codecs=vp8,opus" });
    expect(parseRecordingType('Video/WebM; codecs="vp9, opus"')).toMatchObject({ full: "video/webm;codecs=vp9,opus" });
    expect(parseRecordingType("video/mp4;codecs=avc1.42E01E,mp4a.40.2")).toMatchObject({ base: "video/mp4", extension: "mp4" });
    expect(parseRecordingType("audio/webm;codecs=opus")).toMatchObject({ base: "audio/webm", extension: "webm" });
  });

  it("refuses other containers and other parameters", () => {
    for (const type of ["video/ogg", "text/html", "video/webm;charset=utf-8", "video/webm;codecs=vp8;codecs=vp9", "video/webm;codecs=<script>", "", "video"]) {
      expect(parseRecordingType(type), type).toBeNull();
    }
  });

  it("recognises the containers by their first bytes", () => {
    expect(matchesSignature("video/webm", Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 1, 2, 3, 4]))).toBe(true);
    expect(matchesSignature("video/webm", Buffer.from("<html><body>"))).toBe(false);
    expect(matchesSignature("video/mp4", Buffer.from("\0\0\0\x20ftypisom", "latin1"))).toBe(true);
    expect(matchesSignature("video/mp4", Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 1, 2, 3, 4]))).toBe(false);
  });
});

describe("upload limits", () => {
  it("defaults to 500 MiB and reads UPLOAD_MAX_MB", () => {
    expect(uploadLimits({}, {}).maxTotalBytes).toBe(DEFAULT_MAX_UPLOAD_BYTES);
    expect(uploadLimits({}, { UPLOAD_MAX_MB: "64" }).maxTotalBytes).toBe(64 * 1024 * 1024);
    expect(uploadLimits({ maxTotalBytes: 10 }, { UPLOAD_MAX_MB: "64" }).maxTotalBytes).toBe(10);
    expect(() => uploadLimits({}, { UPLOAD_MAX_MB: "lots" })).toThrow(/UPLOAD_MAX_MB/);
  });

  it("serialises errors as { error: { code, message } } with the code's status", () => {
    const error = new UploadError("CONFLICT", "Expected chunk 3.", { expectedChunk: 3 });
    expect(error.status).toBe(409);
    expect(error.toJSON()).toEqual({ error: { code: "CONFLICT", message: "Expected chunk 3.", expectedChunk: 3 } });
    expect(new UploadError("TOO_LARGE", "x").status).toBe(413);
    expect(new UploadError("BAD_TYPE", "x").status).toBe(415);
  });
});
