import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import type { Db } from "../db/client";
import { notFound } from "../errors";
import { isStorageDriver, LocalDiskStorage, StorageError, storageForDriver } from "../storage";
import { TranscriptionError } from "./errors";
import { transcribeAudio } from "./transcribe";
import { transcriptSegmentsSchema } from "./transcript.schema";
import { metrics } from "../metrics/registry";

type AudioAsset = { storageDriver: string; storageKey: string };

/**
 * A path to the audio the engines can read: the file itself on local disk, else a temporary copy
 * streamed from the remote store (removed by `release`).
 */
async function localAudio(asset: AudioAsset): Promise<{ file: string; release: () => Promise<void> }> {
  if (!isStorageDriver(asset.storageDriver)) {
    throw new TranscriptionError(`The answer's audio is on an unknown storage driver "${asset.storageDriver}".`, false);
  }
  const storage = storageForDriver(asset.storageDriver);
  if (storage instanceof LocalDiskStorage) return { file: storage.pathFor(asset.storageKey), release: async () => {} };
  const dir = await mkdtemp(path.join(os.tmpdir(), "aivi-transcribe-"));
  const release = () => rm(dir, { recursive: true, force: true });
  try {
    const file = path.join(dir, "audio.wav");
    await pipeline(await storage.createReadStream(asset.storageKey), createWriteStream(file));
    return { file, release };
  } catch (error) {
    await release();
    if (error instanceof StorageError && error.code === "NOT_FOUND") {
      throw new TranscriptionError(`The answer's audio is missing from ${asset.storageDriver} storage (${asset.storageKey}).`, false, null, { cause: error });
    }
    throw error;
  }
}

function countWords(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/**
 * Transcribes one answer's extracted audio (its AUDIO MediaAsset) and stores the transcript, one
 * per answer: running it again replaces the transcript. The answer's status is the pipeline's to
 * move, so it is left alone. An answer with no speech gets an empty transcript.
 */
export async function transcribeResponse(
  db: Db,
  responseId: string,
  deps: { transcribe?: typeof transcribeAudio; signal?: AbortSignal } = {},
): Promise<{ transcriptId: string; engine: string; text: string; wordCount: number }> {
  const response = await db.response.findUnique({
    where: { id: responseId },
    select: { id: true, mediaAssets: { where: { kind: "AUDIO" }, select: { storageDriver: true, storageKey: true } } },
  });
  if (!response) throw notFound("The answer");
  const asset = response.mediaAssets[0];
  if (!asset) throw new TranscriptionError("The answer has no extracted audio to transcribe: the media step has not stored it.", false);

  const transcribe = deps.transcribe ?? transcribeAudio;
  const audio = await localAudio(asset);
  const started = performance.now();
  const result = await transcribe(audio.file, { signal: deps.signal }).finally(audio.release);
  const audioSeconds = result.segments.at(-1)?.end ?? 0;
  if (audioSeconds > 0) metrics().transcriptionRtf.observe({ engine: result.engine }, (performance.now() - started) / 1000 / audioSeconds);

  const segments = transcriptSegmentsSchema.parse(result.segments);
  const data = { engine: result.engine, model: result.model, language: result.language, text: result.text, segments };
  const transcript = await db.transcript.upsert({
    where: { responseId },
    create: { responseId, ...data },
    // createdAt says when this transcript was made, so a re-run moves it.
    update: { ...data, createdAt: new Date() },
    select: { id: true, engine: true, text: true },
  });
  return { transcriptId: transcript.id, engine: transcript.engine, text: transcript.text, wordCount: countWords(transcript.text) };
}
