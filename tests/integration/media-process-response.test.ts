import { spawn, spawnSync } from "node:child_process";
import { createWriteStream } from "node:fs";
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeFixtures, MEDIA_DIR } from "@/scripts/make-fixtures";
import { getDb } from "@/server/db/client";
import { isPermanentMediaError, MediaProcessingError } from "@/server/media/errors";
import { processResponseMedia } from "@/server/media/process-response";
import { getStorage, LocalDiskStorage } from "@/server/storage";
import { makeInterview } from "../fixtures/interview";

const db = () => getDb();
let dir: string;
let workDir: string;
const speech = () => path.join(MEDIA_DIR, "weak-q1.wav");
const face = () => path.join(MEDIA_DIR, "face.y4m");

/** ffmpeg writing to a pipe, as MediaRecorder does: the WebM then has no duration in its header. */
function encode(args: string[], target: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn("ffmpeg", ["-hide_banner", "-loglevel", "error", "-y", ...args, "pipe:1"], { stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.stdout.pipe(createWriteStream(target));
    child.once("error", reject);
    child.once("close", (code) => (code === 0 ? resolve() : reject(new Error(`ffmpeg failed (${code}): ${stderr}`))));
  });
}

const video = ["-stream_loop", "-1", "-i", () => face(), "-i", () => speech(), "-shortest", "-map", "0:v", "-map", "1:a", "-vf", "scale=640:480"];
const withInputs = (extra: string[]) => [...video.map((a) => (typeof a === "function" ? a() : a)), ...extra];

type ProbeJson = {
  streams: { codec_type: string; codec_name: string; sample_rate?: string; channels?: number; width?: number; height?: number }[];
  format: { duration?: string; format_name: string };
};
function ffprobe(file: string): ProbeJson {
  const out = spawnSync("ffprobe", ["-v", "error", "-print_format", "json", "-show_format", "-show_streams", file], { encoding: "utf8" });
  if (out.status !== 0) throw new Error(`ffprobe failed on ${file}: ${out.stderr}`);
  return JSON.parse(out.stdout) as ProbeJson;
}

const wavSeconds = async (file: string) => ((await stat(file)).size - 44) / (48_000 * 2);
const storedPath = (key: string) => (getStorage() as LocalDiskStorage).pathFor(key);

/** A submitted video answer of a real response whose RECORDING is `file`, stored with the local driver. */
async function answerWith(file: string, extension: string, contentType = "video/webm") {
  const { responses, organizationId, invitation } = await makeInterview({ questions: [{ type: "VIDEO" }] });
  const response = responses[0]!;
  await db().response.update({ where: { id: response.id }, data: { status: "PROCESSING", submittedAt: new Date() } });
  const storage = getStorage();
  const key = `recordings/${organizationId}/${invitation.id}/${response.id}-take1.${extension}`;
  const copy = path.join(dir, `upload-${response.id}.${extension}`);
  await writeFile(copy, await readFile(file));
  const stored = await storage.putFile(key, copy, { contentType });
  await db().mediaAsset.create({
    data: {
      organizationId,
      responseId: response.id,
      kind: "RECORDING",
      storageDriver: storage.driver,
      storageKey: stored.key,
      contentType,
      sizeBytes: BigInt(stored.size),
    },
  });
  return response.id;
}

let files: { webm: string; avi: string; mkv: string; audioOnly: string; silentVideo: string };

beforeAll(async () => {
  await makeFixtures();
  dir = await mkdtemp(path.join(os.tmpdir(), "media-test-"));
  workDir = await mkdtemp(path.join(os.tmpdir(), "media-work-"));
  files = {
    webm: path.join(dir, "chromium.webm"),
    avi: path.join(dir, "old-camera.avi"),
    mkv: path.join(dir, "desktop.mkv"),
    audioOnly: path.join(dir, "voice.ogg"),
    silentVideo: path.join(dir, "no-mic.webm"),
  };
  await Promise.all([
    encode(withInputs(["-c:v", "libvpx", "-deadline", "realtime", "-cpu-used", "8", "-b:v", "1M", "-c:a", "libopus", "-b:a", "48k", "-f", "webm"]), files.webm),
    encode(withInputs(["-c:v", "mpeg4", "-q:v", "5", "-c:a", "libmp3lame", "-b:a", "96k", "-f", "avi"]), files.avi),
    encode(withInputs(["-c:v", "libvpx", "-deadline", "realtime", "-cpu-used", "8", "-c:a", "libopus", "-f", "matroska"]), files.mkv),
    encode(["-i", speech(), "-c:a", "libopus", "-f", "ogg"], files.audioOnly),
    encode(["-stream_loop", "-1", "-i", face(), "-t", "3", "-c:v", "libvpx", "-deadline", "realtime", "-f", "webm"], files.silentVideo),
  ]);
}, 120_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await rm(workDir, { recursive: true, force: true });
});

describe("processResponseMedia on a Chromium-style WebM (VP8 + Opus, no duration in the header)", () => {
  it("stores 16 kHz mono audio of the right length, a JPEG thumbnail and a remuxed playback copy, and records the probe", async () => {
    expect(ffprobe(files.webm).format.duration).toBeUndefined();
    const responseId = await answerWith(files.webm, "webm");
    const result = await processResponseMedia(db(), responseId, { workDir });
    const expectedSeconds = await wavSeconds(speech());

    expect(result.probe).toMatchObject({ container: "webm", videoCodec: "vp8", audioCodec: "opus", width: 640, height: 480, hasAudio: true, hasVideo: true });
    expect(Math.abs(result.probe.durationMs / 1000 - expectedSeconds)).toBeLessThan(0.3);
    expect(result.playbackKey).toBe(`responses/${responseId}/playback.webm`);
    const playback = ffprobe(storedPath(result.playbackKey!));
    expect(playback.streams.map((s) => s.codec_name)).toEqual(["vp8", "opus"]);
    expect(Math.abs(Number(playback.format.duration) - expectedSeconds)).toBeLessThan(0.3);

    const audio = ffprobe(storedPath(result.audio.storageKey));
    expect(audio.streams).toHaveLength(1);
    expect(audio.streams[0]).toMatchObject({ codec_name: "pcm_s16le", sample_rate: "16000", channels: 1 });
    expect(Math.abs(Number(audio.format.duration) - expectedSeconds)).toBeLessThan(0.3);
    expect(Math.abs(result.audio.durationMs / 1000 - expectedSeconds)).toBeLessThan(0.3);
    expect(result.audio.storageDriver).toBe("local");

    const jpeg = await readFile(storedPath(result.thumbnailKey));
    expect([...jpeg.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
    expect(ffprobe(storedPath(result.thumbnailKey)).streams[0]).toMatchObject({ codec_name: "mjpeg", width: 320, height: 240 });

    const assets = await db().mediaAsset.findMany({ where: { responseId }, orderBy: { kind: "asc" } });
    expect(assets.map((a) => [a.kind, a.contentType])).toEqual([
      ["RECORDING", "video/webm"],
      ["AUDIO", "audio/wav"],
      ["THUMBNAIL", "image/jpeg"],
      ["PLAYBACK", "video/webm"],
    ]);
    const recording = assets.find((a) => a.kind === "RECORDING")!;
    expect(recording.metadata).toEqual(result.probe);
    expect(recording.durationMs).toBe(result.probe.durationMs);
    expect(assets.find((a) => a.kind === "AUDIO")).toMatchObject({ storageKey: result.audio.storageKey, durationMs: result.audio.durationMs });

    const response = await db().response.findUniqueOrThrow({ where: { id: responseId } });
    expect(response).toMatchObject({ status: "PROCESSING", failureReason: null });
    expect(await readdir(workDir)).toEqual([]);
  });

  it("leaves one row per kind and the same keys when run again", async () => {
    const responseId = await answerWith(files.webm, "webm");
    const first = await processResponseMedia(db(), responseId, { workDir });
    const rowsBefore = await db().mediaAsset.findMany({ where: { responseId }, orderBy: { kind: "asc" } });
    const second = await processResponseMedia(db(), responseId, { workDir });
    const rowsAfter = await db().mediaAsset.findMany({ where: { responseId }, orderBy: { kind: "asc" } });

    expect(second.audio).toEqual(first.audio);
    expect(second.thumbnailKey).toBe(first.thumbnailKey);
    expect(rowsAfter.map((a) => [a.id, a.kind, a.storageKey])).toEqual(rowsBefore.map((a) => [a.id, a.kind, a.storageKey]));
    expect(second.playbackKey).toBe(first.playbackKey);
    expect((await readdir(path.dirname(storedPath(first.audio.storageKey)))).sort()).toEqual(["audio.wav", "playback.webm", "thumbnail.jpg"]);
  });
});

describe("processResponseMedia on uploads browsers cannot play as they are", () => {
  it("makes an MP4 (H.264 + AAC, moov first) from an MPEG-4 Part 2 / MP3 AVI", async () => {
    const responseId = await answerWith(files.avi, "avi", "video/x-msvideo");
    const result = await processResponseMedia(db(), responseId, { workDir });
    expect(result.probe).toMatchObject({ container: "avi", videoCodec: "mpeg4", audioCodec: "mp3" });
    expect(result.playbackKey).toBe(`responses/${responseId}/playback.mp4`);

    const file = storedPath(result.playbackKey!);
    const playback = ffprobe(file);
    expect(playback.streams.map((s) => [s.codec_type, s.codec_name])).toEqual([
      ["video", "h264"],
      ["audio", "aac"],
    ]);
    expect(Math.abs(Number(playback.format.duration) - result.probe.durationMs / 1000)).toBeLessThan(0.3);
    // +faststart: the moov box comes before the media data, so playback starts before the download ends.
    const head = (await readFile(file)).subarray(0, 64 * 1024).toString("latin1");
    expect(head.indexOf("moov")).toBeGreaterThan(-1);
    expect(head.indexOf("moov")).toBeLessThan(head.indexOf("mdat"));

    const row = await db().mediaAsset.findUniqueOrThrow({ where: { responseId_kind: { responseId, kind: "PLAYBACK" } } });
    expect(row).toMatchObject({ storageKey: result.playbackKey, contentType: "video/mp4", storageDriver: "local" });

    await processResponseMedia(db(), responseId, { workDir });
    expect(await db().mediaAsset.count({ where: { responseId } })).toBe(4);
  }, 60_000);

  it("drops the playback copy when a new take plays as it is", async () => {
    const responseId = await answerWith(files.avi, "avi", "video/x-msvideo");
    const first = await processResponseMedia(db(), responseId, { workDir });
    const storage = getStorage();
    // The first take's playback copy (H.264 + AAC, moov first) is an MP4 that plays as it is.
    const retake = path.join(dir, `retake-${responseId}.mp4`);
    await writeFile(retake, await readFile(storedPath(first.playbackKey!)));
    const stored = await storage.putFile(`recordings/retake/${responseId}-take2.mp4`, retake, { contentType: "video/mp4" });
    await db().mediaAsset.update({
      where: { responseId_kind: { responseId, kind: "RECORDING" } },
      data: { storageKey: stored.key, contentType: "video/mp4", sizeBytes: BigInt(stored.size) },
    });

    const second = await processResponseMedia(db(), responseId, { workDir });
    expect(second.playbackKey).toBeNull();
    expect(await db().mediaAsset.count({ where: { responseId, kind: "PLAYBACK" } })).toBe(0);
    expect(await storage.stat(first.playbackKey!)).toBeNull();
    expect(second.probe.container).toBe("mp4");
  }, 60_000);

  it("re-wraps a Matroska file holding VP8 + Opus as WebM without re-encoding", async () => {
    const responseId = await answerWith(files.mkv, "mkv", "video/x-matroska");
    const result = await processResponseMedia(db(), responseId, { workDir });
    expect(result.probe).toMatchObject({ container: "matroska", videoCodec: "vp8", audioCodec: "opus" });
    expect(result.playbackKey).toBe(`responses/${responseId}/playback.webm`);
    const head = (await readFile(storedPath(result.playbackKey!))).subarray(0, 64).toString("latin1");
    expect(head).toContain("webm");
    expect(ffprobe(storedPath(result.playbackKey!)).streams.map((s) => s.codec_name)).toEqual(["vp8", "opus"]);
  });

  it("gives a recording without video an AAC M4A and a waveform thumbnail", async () => {
    const responseId = await answerWith(files.audioOnly, "ogg", "audio/ogg");
    const result = await processResponseMedia(db(), responseId, { workDir });
    expect(result.probe).toMatchObject({ container: "ogg", hasVideo: false, videoCodec: null, audioCodec: "opus", width: null, height: null });
    expect(result.playbackKey).toBe(`responses/${responseId}/playback.m4a`);
    expect(ffprobe(storedPath(result.playbackKey!)).streams.map((s) => [s.codec_type, s.codec_name])).toEqual([["audio", "aac"]]);
    expect(ffprobe(storedPath(result.thumbnailKey)).streams[0]).toMatchObject({ codec_name: "mjpeg", width: 320 });
  });
});

describe("processResponseMedia refuses broken recordings with a message HR can read", () => {
  async function failureOf(bytes: Buffer | string, extension = "webm") {
    const file = path.join(dir, `broken-${Math.random().toString(36).slice(2)}.${extension}`);
    if (typeof bytes === "string") await writeFile(file, await readFile(bytes));
    else await writeFile(file, bytes);
    const responseId = await answerWith(file, extension);
    const error = await processResponseMedia(db(), responseId, { workDir }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(MediaProcessingError);
    expect(isPermanentMediaError(error)).toBe(true);
    const response = await db().response.findUniqueOrThrow({ where: { id: responseId }, include: { mediaAssets: true } });
    expect(response.mediaAssets.map((a) => a.kind)).toEqual(["RECORDING"]);
    expect(response).toMatchObject({ status: "PROCESSING", failureReason: null });
    expect(await readdir(workDir)).toEqual([]);
    return { error: error as MediaProcessingError, responseId };
  }

  it("random bytes", async () => {
    const { error } = await failureOf(Buffer.from(Array.from({ length: 64 * 1024 }, () => Math.floor(Math.random() * 256))));
    expect(error.code).toBe("UNREADABLE");
    expect(error.message).toBe("The recording could not be read as audio or video: it is damaged or not a video file.");
  });

  it("an empty file", async () => {
    const { error } = await failureOf(Buffer.alloc(0));
    expect(error.code).toBe("EMPTY");
    expect(error.message).toBe("The recording is empty: none of it reached the server.");
  });

  it("a file cut off after its first few kilobytes", async () => {
    const { error } = await failureOf((await readFile(files.webm)).subarray(0, 3000));
    expect(error.code).toBe("TOO_SHORT");
    expect(error.message).toMatch(/^The recording holds less than half a second of sound, so there is nothing to transcribe/);
  });

  it("a video without an audio track, with the probe kept on the recording to explain why", async () => {
    const { error, responseId } = await failureOf(files.silentVideo);
    expect(error.code).toBe("NO_AUDIO");
    expect(error.message).toBe("The recording has no audio track, so it cannot be transcribed.");
    const recording = await db().mediaAsset.findUniqueOrThrow({ where: { responseId_kind: { responseId, kind: "RECORDING" } } });
    expect(recording.metadata).toMatchObject({ hasVideo: true, hasAudio: false, videoCodec: "vp8" });
  });

  it("an answer whose recording was never uploaded", async () => {
    const { responses } = await makeInterview({ questions: [{ type: "VIDEO" }] });
    await expect(processResponseMedia(db(), responses[0]!.id, { workDir })).rejects.toMatchObject({ name: "MediaProcessingError", code: "NO_RECORDING" });
  });
});
