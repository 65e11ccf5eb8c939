// The app's background work (outbox relay + in-process runner) as a process of its own, for the
// restart test: it starts exactly what instrumentation.ts starts in the app, on DATABASE_URL,
// and is killed with SIGKILL mid-pipeline. Short poll and backoff times keep the test quick; the
// lease is long, so a quick takeover can only come from the runner's identity (RUNNER_ID, set by
// the test) or its heartbeat.
import { startBackgroundWork } from "../../inngest/start";
import { getDb } from "../../server/db/client";

const work = startBackgroundWork(getDb(), { leaseMs: 10 * 60_000, pollMs: 200, backoffBaseMs: 200 });
console.log(`runner ${work.runner?.owner} started`);
process.on("SIGTERM", () => void work.stop().finally(() => process.exit(0)));
