import { spawn } from "node:child_process";
import { closeSync, existsSync, openSync } from "node:fs";
import { mkdir, readdir, rm } from "node:fs/promises";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { answers, appEnv, killGroup, startProductionApp, tail } from "../../scripts/production-app";

declare module "vitest" {
  export interface ProvidedContext {
    baseURL: string;
  }
}

// Ports of their own, so a `npm run dev` on 3000/54329 can keep running beside the tests.
// TEST_APP_PORT / TEST_DB_PORT let two test runs share a machine.
const PORT = Number(process.env.TEST_APP_PORT ?? 3100);
const DB_PORT = Number(process.env.TEST_DB_PORT ?? 54400);
const BUILD_TIMEOUT_MS = 15 * 60_000;
const START_TIMEOUT_MS = 120_000;

const root = process.cwd();
const testData = path.join(root, ".test-data");
const appLog = path.join(testData, "app.log");
const buildLog = path.join(testData, "build.log");

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

/**
 * Builds the app, starts it the way production does (`scripts/launch.ts start`) on a fresh embedded
 * database with the demo seed and dev tools, and provides its URL as `inject("baseURL")`.
 * SKIP_BUILD=1 reuses an existing .next, for re-running browser tests after a build.
 */
export default async function setup(project: TestProject) {
  await mkdir(testData, { recursive: true });
  // Checked before a build of several minutes, not only when the app starts.
  if ((await answers(`http://localhost:${PORT}/api/health`)) !== null) {
    throw new Error(`Something already answers on port ${PORT}: stop it (a previous test run?) before running the browser tests.`);
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

  // The webhook journey's receiver listens on 127.0.0.1 in the test process.
  process.env.WEBHOOKS_ALLOW_LOOPBACK = "true";
  const app = await startProductionApp({
    root,
    port: PORT,
    dbPort: DB_PORT,
    dataDir,
    log: appLog,
    startTimeoutMs: START_TIMEOUT_MS,
    portTakenHint: "stop it (a previous test run?) before running the browser tests.",
  });
  project.provide("baseURL", app.baseURL);
  return app.stop;
}
