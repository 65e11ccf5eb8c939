// npm run bench:pipeline [-- --n 3] — how long the offline pipeline takes per recorded answer, and
// whether the media step's audio extraction costs more than a bare ffmpeg command doing the same.
//
// Works on files only, with no database and no storage: it calls the media step's lower-level
// functions (probeMedia, extractAudio, makeThumbnail, planPlayback/makePlayback from server/media)
// and then transcribeAudio from server/transcription, the same calls processResponseMedia and the
// transcription step make, minus the MediaAsset upserts and storage renames. GROQ_API_KEY is
// removed so the offline engine (pocketsphinx) is measured.
//
// Input: N answers (--n, default 3) of --seconds (default 120) each: festival's fixture speech
// (tests/fixtures/media/*.wav, made by scripts/make-fixtures.ts) concatenated in a different order
// per answer and looped to length, over a test pattern, encoded like Chromium's MediaRecorder
// (WebM written to a pipe, so no duration in its header; VP8 640x480 30 fps ~1 Mbit/s, Opus 48 kHz).
// Making the inputs is not timed.
//
// Measured, one answer after another (PIPELINE_CONCURRENCY's default of 1):
//   - each step's wall time and the answer's total, and its real-time factor (time / audio length);
//   - audio extraction: extractAudio against `ffmpeg -i x.webm -ar 16000 -ac 1 -c:a pcm_s16le out.wav`
//     on the same file, interleaved, --rounds times each (default 5), medians compared;
//   - the whole run's real-time factor, and what it means for a 10-minute interview;
//   - with --transcode, also the playback copy an upload browsers cannot play would get (MP4,
//     H.264 veryfast + AAC, made from the same WebM), timed apart from the WebM answers' figures.
// Targets: extraction ≤ 1.2× the bare command; pipeline RTF < 1. Prints PASS or FAIL.

import { spawn } from "node:child_process";
import { createWriteStream } from "node:fs";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { MEDIA_DIR, makeFixtures } from "./make-fixtures";
import { extractAudio } from "../server/media/extract-audio";
import { makePlayback, planPlayback } from "../server/media/playback";
import { probeMedia } from "../server/media/probe";
import { ffmpegThreads } from "../server/media/run-tool";
import { makeThumbnail } from "../server/media/thumbnail";
import { transcribeAudio } from "../server/transcription/transcribe";

const { values } = parseArgs({
  options: {
    n: { type: "string", default: "3" },
    seconds: { type: "string", default: "120" },
    rounds: { type: "string", default: "5" },
    transcode: { type: "boolean", default: false },
  },
});
const N = Math.max(1, Number(values.n));
const SECONDS = Math.max(5, Number(values.seconds));
const ROUNDS = Math.max(1, Number(values.rounds));
const EXTRACTION_TARGET = 1.2;
const RTF_TARGET = 1;

// transcribeAudio reads the validated environment, which insists on these; nothing here connects to a database.
process.env.DATABASE_URL ??= "postgresql://bench:bench@127.0.0.1:1/unused";
process.env.NEXTAUTH_SECRET ??= "bench-pipeline-secret-bench-pipeline-secret";
delete process.env.GROQ_API_KEY;

function run(command: string, args: string[], stdoutTo?: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["ignore", stdoutTo ? "pipe" : "ignore", "pipe"] });
    if (stdoutTo) child.stdout!.pipe(createWriteStream(stdoutTo));
    let stderr = "";
    child.stderr!.on("data", (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
    child.once("error", reject);
    child.once("close", (code) => (code === 0 ? resolve() : reject(new Error(`${command} failed (${code}): ${stderr}`))));
  });
}

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await fn();
  return { ms: performance.now() - started, value };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const sec = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function makeAnswer(dir: string, index: number, speech: string[]): Promise<string> {
  const order = [...speech.slice(index % speech.length), ...speech.slice(0, index % speech.length)];
  const list = path.join(dir, `answer-${index}.txt`);
  await fs.writeFile(list, order.map((f) => `file '${f.replace(/'/g, "'\\''")}'`).join("\n") + "\n");
  const wav = path.join(dir, `answer-${index}.wav`);
  await run("ffmpeg", [
    "-hide_banner",
    "-v",
    "error",
    "-y",
    "-stream_loop",
    "-1",
    "-f",
    "concat",
    "-safe",
    "0",
    "-i",
    list,
    "-t",
    String(SECONDS),
    "-ar",
    "48000",
    "-ac",
    "1",
    wav,
  ]);
  const webm = path.join(dir, `answer-${index}.webm`);
  await run(
    "ffmpeg",
    [
      "-hide_banner",
      "-v",
      "error",
      "-y",
      "-f",
      "lavfi",
      "-i",
      "testsrc=size=640x480:rate=30",
      "-i",
      wav,
      "-map",
      "0:v",
      "-map",
      "1:a",
      "-t",
      String(SECONDS),
      "-c:v",
      "libvpx",
      "-deadline",
      "realtime",
      "-cpu-used",
      "8",
      "-b:v",
      "1M",
      "-threads",
      "2",
      "-c:a",
      "libopus",
      "-b:a",
      "64k",
      "-f",
      "webm",
      "pipe:1",
    ],
    webm,
  );
  await fs.rm(wav);
  return webm;
}

async function main() {
  await makeFixtures();
  const speech = (await fs.readdir(MEDIA_DIR))
    .filter((f) => /^(strong|average|weak|injection)-q\d\.wav$/.test(f))
    .sort()
    .map((f) => path.join(MEDIA_DIR, f));
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "bench-pipeline-"));
  try {
    console.log(`Pipeline benchmark: ${N} answer(s) of ${SECONDS} s, WebM VP8 640x480 + Opus, offline transcription`);
    console.log(
      `  machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, load ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(" ")}`,
    );
    const inputs: string[] = [];
    for (let i = 0; i < N; i++) inputs.push(await makeAnswer(dir, i, speech));

    const threads = ffmpegThreads(1);
    let totalMs = 0;
    let totalAudioMs = 0;
    const ours: number[] = [];
    const bare: number[] = [];
    const transcodeMs: number[] = [];
    for (const [i, input] of inputs.entries()) {
      const work = path.join(dir, `work-${i}`);
      await fs.mkdir(work);
      const probe = await timed(() => probeMedia(input));
      const audio = await timed(() => extractAudio(input, path.join(work, "audio.wav"), { durationMs: probe.value.durationMs }));
      const thumbnail = await timed(() => makeThumbnail(input, path.join(work, "thumbnail.jpg"), probe.value, { threads }));
      const plan = planPlayback(probe.value);
      const playback = await timed(async () =>
        plan ? makePlayback(input, path.join(work, `playback.${plan.extension}`), plan, { durationMs: probe.value.durationMs, threads }) : null,
      );
      const transcript = await timed(() => transcribeAudio(path.join(work, "audio.wav")));
      const answerMs = probe.ms + audio.ms + thumbnail.ms + playback.ms + transcript.ms;
      totalMs += answerMs;
      totalAudioMs += audio.value.durationMs;
      console.log(
        `  answer ${i + 1}: ${sec(answerMs)} for ${sec(audio.value.durationMs)} of audio (RTF ${(answerMs / audio.value.durationMs).toFixed(3)}): ` +
          `probe ${sec(probe.ms)} (container ${probe.value.container}, ${probe.value.durationMs} ms decode-measured), extract ${sec(audio.ms)}, thumbnail ${sec(thumbnail.ms)}, ` +
          `playback ${plan ? sec(playback.ms) : "not needed"}, transcribe ${sec(transcript.ms)} (${transcript.value.engine}, ${transcript.value.text.split(/\s+/).filter(Boolean).length} words)`,
      );

      for (let r = 0; r < ROUNDS; r++) {
        const bareOut = path.join(work, `bare-${r}.wav`);
        const oursOut = path.join(work, `ours-${r}.wav`);
        const runBare = async () =>
          bare.push((await timed(() => run("ffmpeg", ["-v", "error", "-y", "-i", input, "-ar", "16000", "-ac", "1", "-c:a", "pcm_s16le", bareOut]))).ms);
        const runOurs = async () => ours.push((await timed(() => extractAudio(input, oursOut, { durationMs: probe.value.durationMs }))).ms);
        // Alternating which goes first keeps the page cache and CPU frequency from favouring one.
        if (r % 2 === 0) await runBare().then(runOurs);
        else await runOurs().then(runBare);
        await fs.rm(bareOut);
        await fs.rm(oursOut);
      }
      if (values.transcode) {
        const plan = { format: "mp4", video: "h264", audio: "aac", contentType: "video/mp4", extension: "mp4" } as const;
        const copy = await timed(() => makePlayback(input, path.join(work, "transcoded.mp4"), plan, { durationMs: probe.value.durationMs, threads }));
        transcodeMs.push(copy.ms);
        console.log(
          `    (--transcode) MP4 H.264 + AAC playback copy of the same answer: ${sec(copy.ms)} on ${threads} thread(s), ${(copy.value.sizeBytes / 2 ** 20).toFixed(1)} MiB`,
        );
      }
      await fs.rm(work, { recursive: true });
    }

    const ratio = median(ours) / median(bare);
    const rtf = totalMs / totalAudioMs;
    console.log(`Audio extraction, median of ${ours.length} runs each on the same files:`);
    console.log(`  bare ffmpeg -i x.webm -ar 16000 -ac 1 -c:a pcm_s16le: ${sec(median(bare))}`);
    console.log(`  extractAudio (server/media):                          ${sec(median(ours))} = ${ratio.toFixed(2)}× (target ≤ ${EXTRACTION_TARGET}×)`);
    console.log(
      `Whole pipeline: ${sec(totalMs)} for ${sec(totalAudioMs)} of answers, ${sec(totalMs / N)} per answer, RTF ${rtf.toFixed(3)} (target < ${RTF_TARGET})`,
    );
    console.log(`  a 10-minute interview: about ${((rtf * 600) / 60).toFixed(1)} min of processing, one answer at a time`);
    if (transcodeMs.length) {
      const extra = median(transcodeMs) / (totalAudioMs / N);
      console.log(
        `  an upload that needs a transcoded playback copy adds ${sec(median(transcodeMs))} per answer (median), RTF ${(rtf + extra).toFixed(3)} with it`,
      );
    }
    const pass = ratio <= EXTRACTION_TARGET && rtf < RTF_TARGET;
    console.log(pass ? "PASS" : "FAIL");
    process.exitCode = pass ? 0 : 1;
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

await main();
