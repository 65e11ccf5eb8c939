import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, openSync, closeSync, readFileSync } from "node:fs";
import { mkdir, readdir, rm } from "node:fs/promises";
import path from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    baseURL: string;
  }
}

// Ports of their own, so a `npm run dev` on 3000/54329 can keep running beside the tests.
// TEST_APP_PORT / TEST_DB_PORT let two test runs share a machine.
const PORT = Number(process.env.TEST_APP_PORT ?? 3100);
const DB_PORT = Number(process.env.TEST_DB_PORT ?? 54400);
const BASE_URL = `http://localhost:${PORT}`;
const BUILD_TIMEOUT_MS = 15 * 60_000;
const START_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 15_000;

const root = process.cwd();
const testData = path.join(root, ".test-data");
const appLog = path.join(testData, "app.log");
const buildLog = path.join(testData, "build.log");

// Vitest sets NODE_ENV=test, which Next rejects for a production build; the launcher sets its own.
// A DATABASE_URL from the developer's shell would point the app at their database, not a fresh one.
function appEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  for (const key of ["NODE_ENV", "DATABASE_URL"]) delete env[key];
  return env;
}

function tail(file: string, lines = 80): string {
  if (!existsSync(file)) return "(no log)";
  return readFileSync(file, "utf8").split("\n").slice(-lines).join("\n");
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once("exit", () => resolve()));
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals) {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group is already gone.
  }
}

async function run(command: string, args: string[], log: string, timeoutMs: number): Promise<void> {
  const fd = openSync(log, "w");
  const child = spawn(command, args, { cwd: root, env: appEnv({}), stdio: ["ignore", fd, fd], detached: true });
  closeSync(fd);
  const onExit = () => killGroup(child, "SIGKILL");
  process.once("exit", onExit);
  const timer = setTimeout(onExit, timeoutMs);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (exitCode) => resolve(exitCode));
  }).finally(() => {
    clearTimeout(timer);
    process.off("exit", onExit);
  });
  if (code !== 0) {
    throw new Error(`\`${command} ${args.join(" ")}\` failed (exit ${code ?? "killed after " + timeoutMs / 1000 + " s"}):\n${tail(log)}`);
  }
}

async function answers(url: string): Promise<number | null> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
    await response.body?.cancel();
    return response.status;
  } catch {
    return null;
  }
}

/**
 * Builds the app, starts it the way production does (`scripts/launch.ts start`) on a fresh embedded
 * database with the demo seed and dev tools, and provides its URL as `inject("baseURL")`.
 * SKIP_BUILD=1 reuses an existing .next, for re-running browser tests after a build.
 */
export default async function setup(project: TestProject) {
  await mkdir(testData, { recursive: true });
  if ((await answers(`${BASE_URL}/api/health`)) !== null) {
    throw new Error(`Something already answers on ${BASE_URL}: stop it (a previous test run?) before running the browser tests.`);
  }

  if (process.env.SKIP_BUILD === "1" && existsSync(path.join(root, ".next"))) {
    console.log("[app] SKIP_BUILD=1: using the existing .next build");
  } else {
    const started = Date.now();
    console.log(`[app] npm run build (log: ${path.relative(root, buildLog)})`);
    await run("npm", ["run", "build"], buildLog, BUILD_TIMEOUT_MS);
    console.log(`[app] built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }

  // Earlier runs' databases are of no further use; the current one stays after the run for a post-mortem.
  for (const entry of await readdir(testData)) {
    if (entry.startsWith("app-")) await rm(path.join(testData, entry), { recursive: true, force: true });
  }
  const dataDir = path.join(testData, `app-${Date.now()}`);
  await rm(dataDir, { recursive: true, force: true });

  const started = Date.now();
  const fd = openSync(appLog, "w");
  const app = spawn(path.join(root, "node_modules", ".bin", "tsx"), ["scripts/launch.ts", "start"], {
    cwd: root,
    env: appEnv({
      PORT: String(PORT),
      DATA_DIR: dataDir,
      EMBEDDED_DB_PORT: String(DB_PORT),
      DEV_TOOLS: "on",
      SEED: "on",
      APP_URL: BASE_URL,
      NEXTAUTH_URL: BASE_URL,
    }),
    stdio: ["ignore", fd, fd],
    // Its own process group: the launcher, next and its workers all stop with one signal.
    detached: true,
  });
  closeSync(fd);
  // If vitest itself is interrupted the teardown below never runs; the app must not outlive it.
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

  const deadline = Date.now() + START_TIMEOUT_MS;
  let status: number | null = null;
  while (Date.now() < deadline && app.exitCode === null && app.signalCode === null) {
    status = await answers(`${BASE_URL}/api/health`);
    if (status === 200) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  if (status !== 200) {
    const why =
      app.exitCode !== null || app.signalCode !== null
        ? `the app exited (${app.exitCode ?? app.signalCode})`
        : `GET /api/health answered ${status ?? "nothing"} after ${START_TIMEOUT_MS / 1000} s`;
    await stop();
    throw new Error(`The app did not start: ${why}. ${path.relative(root, appLog)}:\n${tail(appLog)}`);
  }
  console.log(`[app] ${BASE_URL} healthy in ${((Date.now() - started) / 1000).toFixed(1)} s (log: ${path.relative(root, appLog)})`);

  project.provide("baseURL", BASE_URL);
  return stop;
}
