import { Inngest } from "inngest";
import { inngestMode } from "./mode";
import { localQueueFetch } from "./runner/local-queue";

export const INNGEST_APP_ID = "ai-video-interview";

const mode = inngestMode();

/**
 * One client for every mode. In-process it counts as a dev client (nothing signs the runner's
 * calls, which never leave the process: /api/inngest refuses them from outside) and its event API
 * is the local queue, so `step.sendEvent` inside a function lands in Postgres instead of a server.
 * Checkpointing is off: it reports steps to an Inngest API, which the in-process runner is not.
 */
export const inngest = new Inngest({
  id: INNGEST_APP_ID,
  checkpointing: false,
  ...(mode === "in-process" ? { isDev: true, baseUrl: "http://in-process.invalid", fetch: localQueueFetch } : {}),
});
