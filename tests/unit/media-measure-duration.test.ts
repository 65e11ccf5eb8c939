import { spawnSync } from "node:child_process";
import { createReadStream } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { measureDuration } from "@/server/media/measure-duration";

let dir: string;
let webm: string;

// A WebM like MediaRecorder's (VP8 + Opus), made with Debian's ffmpeg.
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "measure-"));
  webm = path.join(dir, "answer.webm");
  const made = spawnSync(
    "ffmpeg",
    [
      "-hide_banner",
      "-loglevel",
      "error",
      "-y",
      "-f",
      "lavfi",
      "-i",
      "testsrc=size=160x120:rate=15",
      "-f",
      "lavfi",
      "-i",
      "sine=frequency=440:sample_rate=48000",
      "-t",
      "3.2",
      "-c:v",
      "libvpx",
      "-b:v",
      "200k",
      "-c:a",
      "libopus",
      webm,
    ],
    { encoding: "utf8" },
  );
  if (made.status !== 0) throw new Error(`ffmpeg could not make the test file: ${made.stderr}`);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("measureDuration", () => {
  it("decodes a file to its true length", async () => {
    const result = await measureDuration(webm);
    expect(result.ok).toBe(true);
    if (result.ok) expect(Math.abs(result.durationMs - 3200)).toBeLessThan(200);
  });

  it("measures a stream without a file on disk", async () => {
    const result = await measureDuration(createReadStream(webm));
    expect(result).toMatchObject({ ok: true });
    if (result.ok) expect(Math.abs(result.durationMs - 3200)).toBeLessThan(200);
  });

  it("measures what a recording cut short holds", async () => {
    const bytes = await readFile(webm);
    const cut = path.join(dir, "cut.webm");
    await writeFile(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const result = await measureDuration(cut);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.durationMs).toBeLessThan(3000);
  });

  it("explains a file that is not media", async () => {
    const result = await measureDuration(Readable.from([Buffer.from("definitely not a webm ".repeat(1000))]));
    expect(result).toEqual({ ok: false, reason: expect.stringMatching(/^The recording could not be decoded: .+/) });
  });

  it("explains an empty file", async () => {
    const result = await measureDuration(Readable.from([Buffer.alloc(0)]));
    expect(result.ok).toBe(false);
  });

  it("explains a missing ffmpeg instead of throwing", async () => {
    const result = await measureDuration(webm, { ffmpegPath: "/nonexistent/ffmpeg" });
    expect(result).toEqual({ ok: false, reason: expect.stringContaining("ffmpeg could not be started") });
  });
});
