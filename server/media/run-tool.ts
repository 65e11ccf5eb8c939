import { spawn } from "node:child_process";
import os from "node:os";
import { CpuJobAbortedError, cpuPool } from "../cpu/pool";

export type ToolFailure = "missing" | "timeout" | "aborted" | "failed";

/** ffmpeg or ffprobe did not finish its job. Whether the media is to blame is for the caller to say. */
export class ToolError extends Error {
  constructor(
    readonly failure: ToolFailure,
    message: string,
    readonly stderr = "",
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "ToolError";
  }
}

export type RunOptions = { timeoutMs: number; signal?: AbortSignal; maxStdoutBytes?: number };

// Enough of ffmpeg's complaints to explain a failure; the rest is repetition.
const STDERR_TAIL = 8_000;
const DEFAULT_MAX_STDOUT = 4 * 1024 * 1024;

/**
 * Runs a media tool without a shell (arguments are never parsed, so a storage key cannot become
 * a command) and resolves with its output when it exits 0. It waits for a slot of the CPU pool
 * first; its timeout counts from its start, not from the wait. On timeout or abort the child is
 * killed with SIGKILL: ffmpeg stuck on a pathological file does not answer SIGTERM promptly.
 */
export async function runTool(command: string, args: string[], opts: RunOptions): Promise<{ stdout: string; stderr: string }> {
  try {
    return await cpuPool().run(command === "ffprobe" ? "ffprobe" : "ffmpeg", () => spawnTool(command, args, opts), { signal: opts.signal });
  } catch (error) {
    if (error instanceof CpuJobAbortedError) throw new ToolError("aborted", `${command} was not started: the job was cancelled.`);
    throw error;
  }
}

function spawnTool(command: string, args: string[], opts: RunOptions): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    if (opts.signal?.aborted) {
      reject(new ToolError("aborted", `${command} was not started: the job was cancelled.`));
      return;
    }
    const child = spawn(command, args, { shell: false, stdio: ["ignore", "pipe", "pipe"] });
    let settled = false;
    const settle = (error: ToolError | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      opts.signal?.removeEventListener("abort", onAbort);
      if (error) reject(error);
      else resolve({ stdout: Buffer.concat(stdout).toString("utf8"), stderr });
    };
    const kill = (error: ToolError) => {
      child.kill("SIGKILL");
      settle(error);
    };
    const timer = setTimeout(
      () => kill(new ToolError("timeout", `${command} took longer than ${Math.round(opts.timeoutMs / 1000)} s and was stopped.`, stderr)),
      opts.timeoutMs,
    );
    const onAbort = () => kill(new ToolError("aborted", `${command} was stopped: the job was cancelled.`, stderr));
    opts.signal?.addEventListener("abort", onAbort, { once: true });

    const stdout: Buffer[] = [];
    let stdoutBytes = 0;
    const maxStdout = opts.maxStdoutBytes ?? DEFAULT_MAX_STDOUT;
    child.stdout.on("data", (chunk: Buffer) => {
      stdoutBytes += chunk.length;
      if (stdoutBytes > maxStdout) kill(new ToolError("failed", `${command} wrote more than ${maxStdout} bytes of output.`, stderr));
      else stdout.push(chunk);
    });
    let stderr = "";
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (text: string) => {
      stderr = (stderr + text).slice(-STDERR_TAIL);
    });

    child.once("error", (error: NodeJS.ErrnoException) => {
      const failure = error.code === "ENOENT" ? "missing" : "failed";
      settle(new ToolError(failure, `${command} could not be started (${error.message}).`, "", { cause: error }));
    });
    child.once("close", (code, signal) => {
      if (code === 0) settle(null);
      else
        settle(
          new ToolError("failed", `${command} exited with ${code === null ? `signal ${signal}` : `code ${code}`}: ${lastLine(stderr) ?? "no message"}`, stderr),
        );
    });
  });
}

/** ffmpeg's last complaint without the input's path ("x.webm: Invalid data…" reads as "Invalid data…"). */
export function lastLine(text: string): string | null {
  const line = text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean)
    .at(-1);
  return line ? line.replace(/^(pipe:\d+|\/[^:]*): /, "") : null;
}

// Failures of the machine, not of the file: a retry on a healthier moment may succeed.
const ENVIRONMENT_TROUBLE = /No space left on device|Cannot allocate memory|Permission denied|Too many open files|Input\/output error|Read-only file system/i;

/** Whether a tool that ran and failed was defeated by the file (rather than the machine). */
export function failedOnTheMedia(error: unknown): error is ToolError {
  return error instanceof ToolError && error.failure === "failed" && !ENVIRONMENT_TROUBLE.test(error.stderr);
}

/**
 * ffmpeg's `-threads` for one job: the cores shared among the jobs that run at once
 * (PIPELINE_CONCURRENCY), so parallel jobs do not oversubscribe a small machine.
 */
export function ffmpegThreads(concurrentJobs = 1): number {
  return Math.max(1, Math.floor(os.availableParallelism() / Math.max(1, concurrentJobs)));
}

/** What every ffmpeg run starts with: quiet, never waiting for a keypress on stdin. */
export const FFMPEG_BASE_ARGS = ["-hide_banner", "-nostdin", "-nostats", "-v", "error"];
