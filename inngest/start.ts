import type { Db } from "@/server/db/client";
import { reindexStaleAnswers } from "@/server/search/reindex";
import { functions } from "./functions";
import { pipelineConcurrency } from "./functions/concurrency";
import { inngestMode } from "./mode";
import { relayOutbox } from "./relay";
import { InProcessRunner } from "./runner/runner";
import { logger } from "@/server/logging/logger";

export type BackgroundWork = { mode: ReturnType<typeof inngestMode>; runner: InProcessRunner | null; stop: () => Promise<void> };

const RELAY_INTERVAL_MS = 1000;

/**
 * Starts what runs beside the web server: the outbox relay always (it hands events to Inngest, or
 * to the local queue), the in-process runner when no Inngest server is configured, and a catch-up
 * of search passages for answers indexed by another embedding model. Called
 * once per server process from instrumentation.ts; scripts and tests call it with their own db.
 */
export function startBackgroundWork(db: Db, opts: { workers?: number; leaseMs?: number; backoffBaseMs?: number; pollMs?: number } = {}): BackgroundWork {
  const mode = inngestMode();
  // Enough workers for PIPELINE_CONCURRENCY answers at once plus one for analyses and checks;
  // each function's own concurrency limit keeps ffmpeg to PIPELINE_CONCURRENCY.
  const workers = opts.workers ?? pipelineConcurrency() + 1;
  const runner = mode === "in-process" ? new InProcessRunner({ db, functions, ...opts, workers }) : null;
  runner?.start();

  let stopped = false;
  let relaying: Promise<unknown> = Promise.resolve();
  const tick = () => {
    relaying = relayOutbox(db)
      .then((r) => {
        if (r.sent) runner?.poke();
      })
      .catch((error: unknown) => logger.error({ err: error }, "relay: could not relay the outbox"))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, RELAY_INTERVAL_MS);
      });
  };
  let timer: NodeJS.Timeout = setTimeout(tick, 0);
  // Answers indexed by another embedding model (an upgrade, or EMBEDDINGS_* changed) become
  // searchable again; with nothing stale this is one query. Embedding is CPU-bound in this
  // process, so it waits until the runner has taken back the runs it held before a restart.
  const reindexing = (runner?.reclaimed ?? Promise.resolve())
    .then(() => (stopped ? { indexed: 0, failed: 0 } : reindexStaleAnswers(db, { shouldStop: () => stopped })))
    .then((r) => {
      if (r.indexed || r.failed) logger.info({ indexed: r.indexed, failed: r.failed }, "search: re-indexed answers for the current embedding model");
    })
    .catch((error: unknown) => logger.error({ err: error }, "search: could not re-index answers"));

  return {
    mode,
    runner,
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await relaying;
      await reindexing;
      await runner?.stop();
    },
  };
}
