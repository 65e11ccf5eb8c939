import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { type Db, Prisma, type MediaKind } from "../db/client";
import { env } from "../config/env";
import { notFound } from "../errors";
import { openRecording } from "../interview/recording";
import { getStorage, isStorageDriver, sanitizeKey, storageForDriver, type Storage } from "../storage";
import { MediaProcessingError } from "./errors";
import { extractAudio } from "./extract-audio";
import { makePlayback, planPlayback } from "./playback";
import { mediaProbeSchema, probeMedia, type MediaProbe } from "./probe";
import { ffmpegThreads } from "./run-tool";
import { makeThumbnail } from "./thumbnail";
import { logger } from "@/server/logging/logger";

export type ProcessedMedia = {
  probe: MediaProbe;
  audio: { storageDriver: string; storageKey: string; durationMs: number };
  thumbnailKey: string;
  playbackKey: string | null;
};

type DerivedKind = Extract<MediaKind, "AUDIO" | "THUMBNAIL" | "PLAYBACK">;

/**
 * Where a response's derived files live. Fixed per response and kind, so running the step again
 * overwrites the same objects instead of adding new ones.
 */
export function derivedMediaKey(responseId: string, kind: DerivedKind, extension: string): string {
  const name = { AUDIO: "audio", THUMBNAIL: "thumbnail", PLAYBACK: "playback" }[kind];
  return sanitizeKey(`responses/${responseId}/${name}.${extension}`);
}

type Made = { kind: DerivedKind; file: string; key: string; contentType: string; durationMs: number | null };

/**
 * The media step of the pipeline for one video answer: probes its RECORDING, then stores the
 * transcription audio (16 kHz mono WAV), a JPEG thumbnail and, when browsers cannot play the
 * upload as it is, a playback copy, each as the response's MediaAsset of that kind (upserted:
 * a re-run leaves one row per kind). The probe goes on the recording's `metadata`.
 * Leaves Response.status and failureReason to the caller. Throws MediaProcessingError when the
 * recording itself is at fault (see isPermanentMediaError); anything else is worth a retry.
 */
export async function processResponseMedia(db: Db, responseId: string, opts: { workDir?: string; signal?: AbortSignal } = {}): Promise<ProcessedMedia> {
  const response = await db.response.findUnique({
    where: { id: responseId },
    select: {
      id: true,
      invitation: { select: { organizationId: true } },
      mediaAssets: { where: { kind: { in: ["RECORDING", "AUDIO", "THUMBNAIL", "PLAYBACK"] } } },
    },
  });
  if (!response) throw notFound("The answer");
  const recording = response.mediaAssets.find((a) => a.kind === "RECORDING");
  if (!recording) throw new MediaProcessingError("NO_RECORDING", "No recording was uploaded for this answer.");
  const organizationId = response.invitation.organizationId;
  const threads = ffmpegThreads(env().PIPELINE_CONCURRENCY);
  const { signal } = opts;

  const work = await mkdtemp(path.join(opts.workDir ?? os.tmpdir(), "media-"));
  try {
    const input = await localCopy(recording.storageKey, recording.storageDriver, work);
    // Probing decodes the whole recording to measure it; a retried or replayed step reuses what
    // the first one found (completing an upload clears it, so a new take is measured afresh).
    let probe = probedAlready(recording);
    if (!probe) {
      probe = await probeMedia(input, { signal });
      // Kept even when the recording is then refused: it is what explains the refusal.
      await db.$transaction([
        db.mediaAsset.update({ where: { id: recording.id }, data: { metadata: probe, durationMs: probe.durationMs } }),
        db.response.update({ where: { id: responseId }, data: { durationMs: probe.durationMs } }),
      ]);
    }
    if (!probe.hasAudio) throw new MediaProcessingError("NO_AUDIO", "The recording has no audio track, so it cannot be transcribed.");

    const made: Made[] = [];
    const audioFile = path.join(work, "audio.wav");
    const audio = await extractAudio(input, audioFile, { durationMs: probe.durationMs, signal });
    made.push({ kind: "AUDIO", file: audioFile, key: derivedMediaKey(responseId, "AUDIO", "wav"), contentType: "audio/wav", durationMs: audio.durationMs });

    const thumbnailFile = path.join(work, "thumbnail.jpg");
    await makeThumbnail(input, thumbnailFile, probe, { threads, signal });
    made.push({ kind: "THUMBNAIL", file: thumbnailFile, key: derivedMediaKey(responseId, "THUMBNAIL", "jpg"), contentType: "image/jpeg", durationMs: null });

    const plan = planPlayback(probe);
    if (plan) {
      const playbackFile = path.join(work, `playback.${plan.extension}`);
      await makePlayback(input, playbackFile, plan, { durationMs: probe.durationMs, threads, signal });
      made.push({
        kind: "PLAYBACK",
        file: playbackFile,
        key: derivedMediaKey(responseId, "PLAYBACK", plan.extension),
        contentType: plan.contentType,
        durationMs: probe.durationMs,
      });
    }

    const storage = getStorage();
    const stored: (Made & { storedKey: string; size: number })[] = [];
    for (const item of made) {
      const result = await storage.putFile(item.key, item.file, { contentType: item.contentType });
      stored.push({ ...item, storedKey: result.key, size: result.size });
    }

    const previous = response.mediaAssets.filter((a) => a.kind !== "RECORDING");
    await db.$transaction(async (tx) => {
      for (const item of stored) {
        const data = {
          organizationId,
          storageDriver: storage.driver,
          storageKey: item.storedKey,
          contentType: item.contentType,
          sizeBytes: BigInt(item.size),
          durationMs: item.durationMs,
          metadata: Prisma.DbNull,
        };
        await tx.mediaAsset.upsert({
          where: { responseId_kind: { responseId, kind: item.kind } },
          create: { ...data, responseId, kind: item.kind },
          update: data,
        });
      }
      // A new take that plays as it is needs no playback copy any more.
      if (!plan) await tx.mediaAsset.deleteMany({ where: { responseId, kind: "PLAYBACK" } });
    });
    await deleteReplaced(
      previous.filter((old) => !stored.some((s) => s.kind === old.kind && s.storedKey === old.storageKey && storage.driver === old.storageDriver)),
      storage,
    );

    const audioStored = stored.find((s) => s.kind === "AUDIO")!;
    return {
      probe,
      audio: { storageDriver: storage.driver, storageKey: audioStored.storedKey, durationMs: audio.durationMs },
      thumbnailKey: stored.find((s) => s.kind === "THUMBNAIL")!.storedKey,
      playbackKey: stored.find((s) => s.kind === "PLAYBACK")?.storedKey ?? null,
    };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

function probedAlready(recording: { metadata: Prisma.JsonValue; sizeBytes: bigint }): MediaProbe | null {
  const parsed = mediaProbeSchema.safeParse(recording.metadata);
  return parsed.success && parsed.data.sizeBytes === Number(recording.sizeBytes) ? parsed.data : null;
}

/** The recording as a file ffmpeg can seek in: its own path on local disk, else a download into `work`. */
async function localCopy(storageKey: string, driver: string, work: string): Promise<string> {
  const source = await openRecording(storageKey, driver);
  if (typeof source === "string") return source;
  const file = path.join(work, `recording${path.extname(storageKey) || ".bin"}`);
  await pipeline(source, createWriteStream(file));
  return file;
}

/** Files of an earlier run that this one did not overwrite (another driver, another extension). */
async function deleteReplaced(assets: { storageDriver: string; storageKey: string }[], current: Storage): Promise<void> {
  for (const asset of assets) {
    try {
      if (!isStorageDriver(asset.storageDriver)) continue;
      const storage = asset.storageDriver === current.driver ? current : storageForDriver(asset.storageDriver);
      await storage.delete(asset.storageKey);
    } catch (error) {
      // The new files are stored and recorded either way; an orphaned old one only costs space.
      logger.warn({ err: error, asset }, "could not delete a replaced media file");
    }
  }
}
