import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import { getDb } from "../db/client";

/**
 * The app's Prometheus metrics. Next.js may load this module once per route bundle in one process;
 * the registry lives on globalThis so that every copy counts into the one /api/metrics reads.
 */
/** A gauge read from the database is NaN while the database does not answer: the scrape still succeeds, and alerts see "unknown". */
async function fromDatabase(read: () => Promise<number>): Promise<number> {
  try {
    return await read();
  } catch {
    return Number.NaN;
  }
}

function build() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "aivi_" });
  const seconds = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
  const stepSeconds = [0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 900];
  return {
    registry,
    trpcDuration: new Histogram({
      name: "aivi_trpc_request_duration_seconds",
      help: "tRPC procedure calls by procedure, type and result code.",
      labelNames: ["procedure", "type", "code"] as const,
      buckets: seconds,
      registers: [registry],
    }),
    httpDuration: new Histogram({
      name: "aivi_http_request_duration_seconds",
      help: "Route handlers outside tRPC (uploads, media) by route and status.",
      labelNames: ["route", "method", "status"] as const,
      buckets: seconds,
      registers: [registry],
    }),
    stepDuration: new Histogram({
      name: "aivi_pipeline_step_duration_seconds",
      help: "Background function steps by function, step and outcome (completed, failed, errored).",
      labelNames: ["function", "step", "outcome"] as const,
      buckets: stepSeconds,
      registers: [registry],
    }),
    stepFailures: new Counter({
      name: "aivi_pipeline_step_failures_total",
      help: "Background function step attempts that errored (retried) or failed for good.",
      labelNames: ["function", "step", "outcome"] as const,
      registers: [registry],
    }),
    transcriptionRtf: new Histogram({
      name: "aivi_transcription_real_time_factor",
      help: "Seconds spent transcribing per second of audio, by engine.",
      labelNames: ["engine"] as const,
      buckets: [0.05, 0.1, 0.2, 0.3, 0.5, 0.75, 1, 1.5, 2, 4],
      registers: [registry],
    }),
    llmDuration: new Histogram({
      name: "aivi_llm_request_duration_seconds",
      help: "Analysis calls to the language model by model and result.",
      labelNames: ["model", "result"] as const,
      buckets: [0.25, 0.5, 1, 2, 4, 8, 15, 30, 60],
      registers: [registry],
    }),
    llmTokens: new Counter({
      name: "aivi_llm_tokens_total",
      help: "Tokens the language model read (input) and wrote (output), by model.",
      labelNames: ["model", "direction"] as const,
      registers: [registry],
    }),
    uploadBytes: new Counter({
      name: "aivi_upload_bytes_total",
      help: "Recording bytes received in upload chunks (repeats of a stored chunk not counted).",
      registers: [registry],
    }),
    webhookAttempts: new Counter({
      name: "aivi_webhook_attempts_total",
      help: "Outgoing webhook delivery attempts by result (delivered, failed).",
      labelNames: ["result"] as const,
      registers: [registry],
    }),
    quotaRefusals: new Counter({
      name: "aivi_quota_refusals_total",
      help: "Actions refused because the organization's plan limit was reached, by quota.",
      labelNames: ["quota", "plan"] as const,
      registers: [registry],
    }),
    outboxBacklog: new Gauge({
      name: "aivi_outbox_backlog",
      help: "Domain events written and not yet handed to the background functions.",
      registers: [registry],
      async collect() {
        this.set(await fromDatabase(() => getDb().outboxEvent.count({ where: { sentAt: null } })));
      },
    }),
    outboxOldestAge: new Gauge({
      name: "aivi_outbox_oldest_age_seconds",
      help: "Age of the oldest event still waiting in the outbox; 0 when none waits.",
      registers: [registry],
      async collect() {
        this.set(
          await fromDatabase(async () => {
            const oldest = await getDb().outboxEvent.findFirst({ where: { sentAt: null }, orderBy: { createdAt: "asc" }, select: { createdAt: true } });
            return oldest ? (Date.now() - oldest.createdAt.getTime()) / 1000 : 0;
          }),
        );
      },
    }),
    runnerLeases: new Gauge({
      name: "aivi_runner_leases_held",
      help: "Background runs a runner holds right now (RUNNING with a lock), across every runner on the database.",
      registers: [registry],
      async collect() {
        this.set(await fromDatabase(() => getDb().jobRun.count({ where: { status: "RUNNING", lockedAt: { not: null } } })));
      },
    }),
  };
}

export type Metrics = ReturnType<typeof build>;

const KEY = Symbol.for("aivi.metrics");
type Holder = { [KEY]?: Metrics };

export function metrics(): Metrics {
  const holder = globalThis as Holder;
  return (holder[KEY] ??= build());
}
