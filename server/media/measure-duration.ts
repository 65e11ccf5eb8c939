import { spawn } from "node:child_process";
import type { Readable } from "node:stream";
import { cpuPool } from "../cpu/pool";

export type DurationMeasurement = { ok: true; durationMs: number } | { ok: false; reason: string };

const DEFAULT_TIMEOUT_MS = 120_000;
// Enough of ffmpeg's complaints to explain a failure; the rest is repetition.
const STDERR_LIMIT = 8_000;

/**
 * The true length of a recording, found by decoding all of it: MediaRecorder writes WebM without a
 * duration in its header, and a file cut short by a crash still has to be measured by what it
 * holds. `source` is a file path or a stream of the file's bytes (piped to ffmpeg's stdin, so
 * nothing is copied to disk). ffmpeg is spawned directly, never through a shell, once a slot of
 * the CPU pool is free.
 */
export function measureDuration(source: string | Readable, opts: { ffmpegPath?: string; timeoutMs?: number } = {}): Promise<DurationMeasurement> {
  return cpuPool().run("measure-duration", () => decodeToEnd(source, opts));
}

function decodeToEnd(source: string | Readable, opts: { ffmpegPath?: string; timeoutMs?: number }): Promise<DurationMeasurement> {
  const input = typeof source === "string" ? source : "pipe:0";
  const args = ["-hide_banner", "-nostats", "-v", "error", "-progress", "pipe:1", "-i", input, "-map", "0:v?", "-map", "0:a?", "-f", "null", "-"];
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: DurationMeasurement) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (typeof source !== "string") source.unpipe();
      resolve(result);
    };

    const child = spawn(opts.ffmpegPath ?? "ffmpeg", args, { stdio: [typeof source === "string" ? "ignore" : "pipe", "pipe", "pipe"], shell: false });
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      finish({ ok: false, reason: `Measuring the recording took longer than ${Math.round((opts.timeoutMs ?? DEFAULT_TIMEOUT_MS) / 1000)} s.` });
    }, opts.timeoutMs ?? DEFAULT_TIMEOUT_MS);

    let progress = "";
    let lastOutTimeUs: number | null = null;
    child.stdout!.setEncoding("utf8");
    child.stdout!.on("data", (text: string) => {
      progress += text;
      const lines = progress.split("\n");
      progress = lines.pop() ?? "";
      for (const line of lines) {
        const match = /^out_time_us=(\d+)/.exec(line.trim());
        if (match) lastOutTimeUs = Number(match[1]);
      }
    });
    let stderr = "";
    child.stderr!.setEncoding("utf8");
    child.stderr!.on("data", (text: string) => {
      if (stderr.length < STDERR_LIMIT) stderr += text;
    });

    if (typeof source !== "string") {
      const stdin = child.stdin!;
      // ffmpeg stops reading as soon as it decides the input is not media; that is its verdict,
      // reported from its exit code, not a failure of ours.
      stdin.on("error", () => {});
      source.once("error", (error) => {
        child.kill("SIGKILL");
        finish({ ok: false, reason: `The recording could not be read: ${error.message}` });
      });
      source.pipe(stdin);
    }

    child.once("error", (error) => finish({ ok: false, reason: `ffmpeg could not be started to measure the recording (${error.message}).` }));
    child.once("close", (code) => {
      if (code !== 0) {
        finish({ ok: false, reason: `The recording could not be decoded: ${lastLine(stderr) ?? `ffmpeg exited with code ${code}`}` });
      } else if (!lastOutTimeUs || lastOutTimeUs <= 0) {
        finish({ ok: false, reason: "The recording holds no audio or video." });
      } else {
        finish({ ok: true, durationMs: Math.round(lastOutTimeUs / 1000) });
      }
    });
  });
}

function lastLine(text: string): string | null {
  const lines = text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
  const line = lines.at(-1);
  // "pipe:0: Invalid data found when processing input" reads better without ffmpeg's input name.
  return line ? line.replace(/^(pipe:\d+|\/[^:]*): /, "") : null;
}
