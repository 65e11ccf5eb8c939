import { open, stat } from "node:fs/promises";
import { MediaProcessingError } from "./errors";
import { FFMPEG_BASE_ARGS, failedOnTheMedia, runTool } from "./run-tool";

/** What both transcription engines want: Whisper resamples to this anyway, pocketsphinx's model is trained on it. */
export const TRANSCRIPTION_AUDIO = { sampleRate: 16_000, channels: 1, bitsPerSample: 16 } as const;

/** Less sound than this is a recording cut off at its start, not an answer. */
export const MIN_AUDIO_MS = 500;

export type WavInfo = { sampleRate: number; channels: number; bitsPerSample: number; dataBytes: number; durationMs: number };

/**
 * Writes the first audio track of `inputPath` to `outputPath` as 16 kHz mono 16-bit PCM WAV with
 * a plain 44-byte header (`-bitexact` leaves out ffmpeg's LIST chunk, which pocketsphinx would
 * read as samples). Returns the audio's length, counted from the samples written.
 */
export async function extractAudio(
  inputPath: string,
  outputPath: string,
  opts: { durationMs?: number; timeoutMs?: number; signal?: AbortSignal } = {},
): Promise<{ durationMs: number; sizeBytes: number }> {
  const args = [
    ...FFMPEG_BASE_ARGS,
    // Opus/Vorbis decoding and resampling run on one thread whatever -threads says, and with -vn
    // the video is never decoded: more threads would only sit idle.
    "-threads",
    "1",
    "-i",
    inputPath,
    "-map",
    "0:a:0",
    "-vn",
    "-sn",
    "-dn",
    "-ac",
    String(TRANSCRIPTION_AUDIO.channels),
    "-ar",
    String(TRANSCRIPTION_AUDIO.sampleRate),
    "-c:a",
    "pcm_s16le",
    "-bitexact",
    "-f",
    "wav",
    "-y",
    outputPath,
  ];
  try {
    // Decoding audio runs at 100× real time or more; the allowance covers a loaded machine.
    await runTool("ffmpeg", args, { timeoutMs: opts.timeoutMs ?? 60_000 + (opts.durationMs ?? 0), signal: opts.signal });
  } catch (error) {
    if (!failedOnTheMedia(error)) throw error;
    if (/matches no streams/.test(error.stderr)) {
      throw new MediaProcessingError("NO_AUDIO", "The recording has no audio track, so it cannot be transcribed.", { cause: error });
    }
    throw new MediaProcessingError("UNREADABLE", "The recording's sound could not be decoded: the file is damaged.", { cause: error });
  }
  const info = await readWavInfo(outputPath);
  if (info.dataBytes === 0) throw new MediaProcessingError("NO_AUDIO", "The recording holds no sound, so it cannot be transcribed.");
  if (info.durationMs < MIN_AUDIO_MS) {
    throw new MediaProcessingError(
      "TOO_SHORT",
      "The recording holds less than half a second of sound, so there is nothing to transcribe: it was probably cut off.",
    );
  }
  return { durationMs: info.durationMs, sizeBytes: (await stat(outputPath)).size };
}

/** Reads a PCM WAV file's format and data size from its RIFF chunks. */
export async function readWavInfo(path: string): Promise<WavInfo> {
  const file = await open(path, "r");
  try {
    const { size } = await file.stat();
    const header = Buffer.alloc(12);
    await file.read(header, 0, 12, 0);
    if (header.toString("ascii", 0, 4) !== "RIFF" || header.toString("ascii", 8, 12) !== "WAVE") throw new Error(`${path} is not a WAV file.`);
    let offset = 12;
    let format: Omit<WavInfo, "dataBytes" | "durationMs"> | null = null;
    const chunk = Buffer.alloc(24);
    while (offset + 8 <= size) {
      await file.read(chunk, 0, 24, offset);
      const id = chunk.toString("ascii", 0, 4);
      const length = chunk.readUInt32LE(4);
      if (id === "fmt ") {
        format = { channels: chunk.readUInt16LE(10), sampleRate: chunk.readUInt32LE(12), bitsPerSample: chunk.readUInt16LE(22) };
      } else if (id === "data") {
        if (!format) throw new Error(`${path} has its samples before its format.`);
        // A writer that could not seek back leaves the size at its maximum: the file's end is the truth.
        const dataBytes = Math.min(length, size - offset - 8);
        const bytesPerSecond = format.sampleRate * format.channels * (format.bitsPerSample / 8);
        return { ...format, dataBytes, durationMs: Math.round((dataBytes / bytesPerSecond) * 1000) };
      }
      offset += 8 + length + (length % 2);
    }
    throw new Error(`${path} has no data chunk.`);
  } finally {
    await file.close();
  }
}
