// Starting and stopping the production server (`scripts/launch.ts start`) from a script or a test
// setup: the browser tests and the benchmarks run the app exactly as production does, on a fresh
// embedded database with the demo seed and dev tools, on ports of their own.
import { spawn, type ChildProcess } from "node:child_process";
import { closeSync, existsSync, openSync, readFileSync } from "node:fs";
import path from "node:path";

const STOP_TIMEOUT_MS = 15_000;

// Vitest sets NODE_ENV=test, which Next rejects for a production build or server; the launcher sets
// its own. A DATABASE_URL from the developer's shell would point the app at their database.
export function appEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  for (const key of ["NODE_ENV", "DATABASE_URL"]) delete env[key];
  return env;
}

export function tail(file: string, lines = 80): string {
  if (!existsSync(file)) return "(no log)";
  return readFileSync(file, "utf8").split("\n").slice(-lines).join("\n");
}

export function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once("exit", () => resolve()));
}

export function killGroup(child: ChildProcess, signal: NodeJS.Signals) {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group is already gone.
  }
}

/** The HTTP status a URL answers with, or null when nothing answers. */
export async function answers(url: string): Promise<number | null> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
    await response.body?.cancel();
    return response.status;
  } catch {
    return null;
  }
}

export type ProductionAppOptions = {
  root: string;
  port: number;
  dbPort: number;
  dataDir: string;
  log: string;
  startTimeoutMs: number;
  /** Said when the port is already taken: how to free it. */
  portTakenHint: string;
  /** The demo's one-click sign-in and dev mailbox; on unless a benchmark measures the app without them. */
  devTools?: boolean;
  env?: Record<string, string>;
};

/** `pid` leads the app's process group (launcher, Next server, workers), for measuring them together. */
export type ProductionApp = { baseURL: string; pid: number; stop: () => Promise<void> };

/** Starts the built app and resolves once `/api/health` answers 200. */
export async function startProductionApp(options: ProductionAppOptions): Promise<ProductionApp> {
  const baseURL = `http://localhost:${options.port}`;
  if ((await answers(`${baseURL}/api/health`)) !== null) {
    throw new Error(`Something already answers on ${baseURL}: ${options.portTakenHint}`);
  }
  const started = Date.now();
  const fd = openSync(options.log, "w");
  const app = spawn(path.join(options.root, "node_modules", ".bin", "tsx"), ["scripts/launch.ts", "start"], {
    cwd: options.root,
    env: appEnv({
      PORT: String(options.port),
      DATA_DIR: options.dataDir,
      EMBEDDED_DB_PORT: String(options.dbPort),
      ...(options.devTools === false ? {} : { DEV_TOOLS: "on" }),
      SEED: "on",
      APP_URL: baseURL,
      NEXTAUTH_URL: baseURL,
      ...options.env,
    }),
    stdio: ["ignore", fd, fd],
    // Its own process group: the launcher, next and its workers all stop with one signal.
    detached: true,
  });
  closeSync(fd);
  // If the caller is interrupted its teardown never runs; the app must not outlive it.
  const onExit = () => killGroup(app, "SIGKILL");
  process.once("exit", onExit);

  const stop = async () => {
    process.off("exit", onExit);
    killGroup(app, "SIGTERM");
    const timer = setTimeout(() => killGroup(app, "SIGKILL"), STOP_TIMEOUT_MS);
    await exited(app);
    clearTimeout(timer);
    // The launcher has exited; anything left in its group (a next worker) goes with it.
    killGroup(app, "SIGKILL");
  };

  const deadline = started + options.startTimeoutMs;
  let status: number | null = null;
  while (Date.now() < deadline && app.exitCode === null && app.signalCode === null) {
    status = await answers(`${baseURL}/api/health`);
    if (status === 200) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  if (status !== 200) {
    const why =
      app.exitCode !== null || app.signalCode !== null
        ? `the app exited (${app.exitCode ?? app.signalCode})`
        : `GET /api/health answered ${status ?? "nothing"} after ${options.startTimeoutMs / 1000} s`;
    await stop();
    throw new Error(`The app did not start: ${why}. ${path.relative(options.root, options.log)}:\n${tail(options.log)}`);
  }
  console.log(`[app] ${baseURL} healthy in ${((Date.now() - started) / 1000).toFixed(1)} s (log: ${path.relative(options.root, options.log)})`);
  return { baseURL, pid: app.pid!, stop };
}
