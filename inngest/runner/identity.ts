import { randomUUID } from "node:crypto";
import os from "node:os";
import path from "node:path";

/**
 * Who a runner is across restarts: RUNNER_ID when set, else the host and the data folder (one
 * process owns a data folder). Its next incarnation takes back what it held at once, so two live
 * processes must never share one (give each its own RUNNER_ID).
 */
export function runnerIdentity(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.RUNNER_ID?.trim();
  if (configured) return configured;
  return `${os.hostname()}:${path.resolve(env.DATA_DIR ?? ".data")}`;
}

/** One start of a runner: the identity, the process and a random part, as written in job_runs.owner. */
export function newIncarnation(identity: string): string {
  return `${identity}#${process.pid}-${randomUUID().slice(0, 8)}`;
}
