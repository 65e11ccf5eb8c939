// npm run bench:remux [-- --n 2 --seconds 120 --rounds 3] — what making a recording seekable costs:
// remuxing MediaRecorder's WebM (streams copied, duration and cues written, cues first) against
// the alternative of always making a transcoded playback copy (MP4, H.264 veryfast + AAC, as the
// pipeline does for uploads browsers cannot play).
//
// Input: N answers of --seconds each, encoded like Chromium's MediaRecorder (VP8 640x480 30 fps
// ~1 Mbit/s, Opus 48 kHz, written as a live stream: no duration, no cues). Making them is not timed.
// Each variant runs --rounds times per answer, interleaved, on the pipeline's thread share; the
// medians are printed with the real-time factor (time / recording length) and the output size.
// The remux goes through makePlayback with planPlayback's plan, the code the pipeline runs.

import { spawn } from "node:child_process";
import { createWriteStream } from "node:fs";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { makePlayback, planPlayback, type PlaybackPlan } from "../server/media/playback";
import { probeMedia } from "../server/media/probe";
import { ffmpegThreads } from "../server/media/run-tool";

const { values } = parseArgs({
  options: {
    n: { type: "string", default: "2" },
    seconds: { type: "string", default: "120" },
    rounds: { type: "string", default: "3" },
  },
});
const N = Math.max(1, Number(values.n));
const SECONDS = Math.max(5, Number(values.seconds));
const ROUNDS = Math.max(1, Number(values.rounds));

function streamed(target: string, index: number): Promise<void> {
  const args = [
    "-hide_banner",
    "-v",
    "error",
    "-f",
    "lavfi",
    "-i",
    `testsrc=size=640x480:rate=30:decimals=${index % 3}`,
    "-f",
    "lavfi",
    "-i",
    `sine=frequency=${300 + 100 * index}:sample_rate=48000`,
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
    "-c:a",
    "libopus",
    "-b:a",
    "48k",
    "-live",
    "1",
    "-f",
    "webm",
    "pipe:1",
  ];
  return new Promise((resolve, reject) => {
    const child = spawn("ffmpeg", args, { stdio: ["ignore", "pipe", "pipe"] });
    child.stdout.pipe(createWriteStream(target));
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
    child.once("error", reject);
    child.once("close", (code) => (code === 0 ? resolve() : reject(new Error(`ffmpeg failed (${code}): ${stderr}`))));
  });
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

type Variant = { name: string; plan: PlaybackPlan };

const MP4: PlaybackPlan = { format: "mp4", video: "h264", audio: "aac", contentType: "video/mp4", extension: "mp4" };

async function main() {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "bench-remux-"));
  const threads = ffmpegThreads();
  try {
    const inputs: { file: string; durationMs: number }[] = [];
    for (let i = 0; i < N; i++) {
      const file = path.join(dir, `answer-${i}.webm`);
      await streamed(file, i);
      const probe = await probeMedia(file);
      inputs.push({ file, durationMs: probe.durationMs });
    }
    const remuxPlan = planPlayback(await probeMedia(inputs[0]!.file));
    if (!remuxPlan || remuxPlan.video !== "copy") throw new Error("planPlayback no longer remuxes MediaRecorder's WebM");

    const variants: Variant[] = [
      { name: "remux (-c copy -cues_to_front 1)", plan: remuxPlan },
      { name: "transcode to MP4 (H.264 veryfast + AAC)", plan: MP4 },
    ];
    const times = new Map<string, number[]>(variants.map((v) => [v.name, []]));
    const sizes = new Map<string, number[]>(variants.map((v) => [v.name, []]));
    const audioMs = inputs.reduce((sum, i) => sum + i.durationMs, 0) / inputs.length;

    for (let round = 0; round < ROUNDS; round++) {
      for (const [index, input] of inputs.entries()) {
        for (const v of variants) {
          const out = path.join(dir, `out-${index}.${v.plan.extension}`);
          const started = performance.now();
          await makePlayback(input.file, out, v.plan, { durationMs: input.durationMs, threads });
          times.get(v.name)!.push(performance.now() - started);
          sizes.get(v.name)!.push((await fs.stat(out)).size);
          await fs.rm(out);
        }
      }
    }

    const inputMiB = (await fs.stat(inputs[0]!.file)).size / 2 ** 20;
    console.log(
      `${N} answer(s) of ${(audioMs / 1000).toFixed(0)} s (${inputMiB.toFixed(1)} MiB each), ${ROUNDS} round(s), ${threads} ffmpeg thread(s), ${os.cpus().length} core(s)`,
    );
    for (const v of variants) {
      const ms = median(times.get(v.name)!);
      const mib = median(sizes.get(v.name)!) / 2 ** 20;
      console.log(`  ${v.name.padEnd(42)} ${(ms / 1000).toFixed(2).padStart(7)} s   RTF ${(ms / audioMs).toFixed(4)}   ${mib.toFixed(1)} MiB`);
    }
    const remux = median(times.get(variants[0]!.name)!);
    const mp4 = median(times.get(variants[1]!.name)!);
    console.log(`  the remux costs ${((remux / mp4) * 100).toFixed(1)} % of an always-made MP4 playback copy`);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

await main();
