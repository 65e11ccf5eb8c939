import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { CpuJobAbortedError, cpuPool } from "../cpu/pool";
import { audioFileSize } from "./audio-file";
import { abortReason, TranscriptionError } from "./errors";
import { parsePocketsphinxOutput } from "./pocketsphinx-output";
import { segmentWords, transcriptText } from "./segments";
import type { TranscriptionResult } from "./transcript.schema";

/** Debian's pocketsphinx 5prealpha and its US English model (packages pocketsphinx, pocketsphinx-en-us). */
export const POCKETSPHINX_BIN = "pocketsphinx_continuous";
export const POCKETSPHINX_MODEL_DIR = "/usr/share/pocketsphinx/model/en-us";
export const POCKETSPHINX_MODEL = "pocketsphinx-en-us-5prealpha";
const INSTALL_HINT = "install it with `apt-get install pocketsphinx pocketsphinx-en-us` (Debian/Ubuntu), or set GROQ_API_KEY to transcribe with Groq";

// 16 kHz mono 16-bit PCM: 32,000 bytes per second of audio.
const WAV_BYTES_PER_SEC = 32_000;
// It decodes at about a fifth of real time on one core; a generous multiple still catches a hang.
const TIMEOUT_BASE_MS = 30_000;
const TIMEOUT_PER_AUDIO_SEC_MS = 2_000;

function modelFiles() {
  return {
    hmm: path.join(POCKETSPHINX_MODEL_DIR, "en-us"),
    lm: path.join(POCKETSPHINX_MODEL_DIR, "en-us.lm.bin"),
    dict: path.join(POCKETSPHINX_MODEL_DIR, "cmudict-en-us.dict"),
  };
}

/** Lines such as `FATAL: "continuous.c", line 136: Input audio file has sample rate [48000] ...` say what went wrong. */
function diagnostics(stderr: string): string {
  const lines = stderr.split(/\r?\n/).filter((l) => /^(ERROR|FATAL):/.test(l));
  return lines.map((l) => l.replace(/^(ERROR|FATAL): "[^"]*", line \d+: /, "")).join(" ") || stderr.trim().split(/\r?\n/).slice(-3).join(" ");
}

/** Runs the recogniser on a 16 kHz mono WAV and returns its stdout. No shell: the path is one argument. */
function runPocketsphinx(audioPath: string, timeoutMs: number, signal?: AbortSignal): Promise<string> {
  const { hmm, lm, dict } = modelFiles();
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortReason(signal));
    const child = spawn(POCKETSPHINX_BIN, ["-hmm", hmm, "-lm", lm, "-dict", dict, "-infile", audioPath, "-time", "yes"], {
      stdio: ["ignore", "pipe", "pipe"],
      signal,
      timeout: timeoutMs,
      killSignal: "SIGKILL",
    });
    const out: Buffer[] = [];
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => out.push(d));
    child.stderr.on("data", (d: Buffer) => {
      stderr = (stderr + d.toString()).slice(-8000);
    });
    child.once("error", (error: NodeJS.ErrnoException) => {
      if (signal?.aborted) return reject(abortReason(signal));
      if (error.code === "ENOENT")
        return reject(
          new TranscriptionError(`The offline transcriber (${POCKETSPHINX_BIN}) is not installed: ${INSTALL_HINT}.`, false, "pocketsphinx", { cause: error }),
        );
      reject(new TranscriptionError(`${POCKETSPHINX_BIN} could not start: ${error.message}`, true, "pocketsphinx", { cause: error }));
    });
    child.once("close", (code, killedBy) => {
      if (signal?.aborted) return reject(abortReason(signal));
      if (code === 0) return resolve(Buffer.concat(out).toString("utf8"));
      if (killedBy)
        return reject(
          new TranscriptionError(`${POCKETSPHINX_BIN} did not finish within ${Math.round(timeoutMs / 1000)} s and was stopped.`, true, "pocketsphinx"),
        );
      reject(new TranscriptionError(`${POCKETSPHINX_BIN} failed (exit ${code}): ${diagnostics(stderr)}`, false, "pocketsphinx"));
    });
  });
}

/** Offline speech recognition with PocketSphinx: rough, but needs no key and no network. */
export async function transcribeWithPocketsphinx(audioPath: string, opts: { signal?: AbortSignal; timeoutMs?: number } = {}): Promise<TranscriptionResult> {
  const missing = Object.values(modelFiles()).filter((file) => !existsSync(file));
  if (missing.length > 0) {
    throw new TranscriptionError(`The offline transcriber's English model is missing (${missing.join(", ")}): ${INSTALL_HINT}.`, false, "pocketsphinx");
  }
  const size = await audioFileSize(audioPath, "pocketsphinx");
  const timeoutMs = Math.round(opts.timeoutMs ?? TIMEOUT_BASE_MS + (size / WAV_BYTES_PER_SEC) * TIMEOUT_PER_AUDIO_SEC_MS);
  const stdout = await cpuPool()
    .run("transcribe", () => runPocketsphinx(audioPath, timeoutMs, opts.signal), { signal: opts.signal })
    .catch((error: unknown) => {
      throw error instanceof CpuJobAbortedError && opts.signal ? abortReason(opts.signal) : error;
    });
  const segments = segmentWords(parsePocketsphinxOutput(stdout));
  return { engine: "pocketsphinx", model: POCKETSPHINX_MODEL, language: "en", text: transcriptText(segments), segments };
}
