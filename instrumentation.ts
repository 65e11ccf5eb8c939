// Runs once when the Next.js server starts: invalid configuration stops it with a message naming
// the variable, whether it was started by scripts/launch.ts or directly with `next start`. Then the
// background work starts: the outbox relay, and the in-process Inngest runner when no Inngest
// server is configured (see inngest/start.ts). Tracing starts before the background work, and only
// when an OTLP endpoint is configured: without one the SDK is not even loaded (server/tracing).
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { env } = await import("./server/config/env");
    env();
    const { tracingConfigured } = await import("./server/tracing/tracing");
    if (tracingConfigured()) {
      const { startTracing } = await import("./server/tracing/setup");
      const g = globalThis as unknown as { __aiviTracing?: ReturnType<typeof startTracing> };
      g.__aiviTracing ??= startTracing();
    }
    if (process.env.BACKGROUND_WORK !== "off") {
      const [{ startBackgroundWork }, { getDb }, { logger }] = await Promise.all([
        import("./inngest/start"),
        import("./server/db/client"),
        import("./server/logging/logger"),
      ]);
      const g = globalThis as unknown as { __aiviBackground?: ReturnType<typeof startBackgroundWork> };
      // Development reloads modules; the work must still start only once per process.
      if (!g.__aiviBackground) {
        const work = startBackgroundWork(getDb());
        g.__aiviBackground = work;
        logger.info(
          { mode: work.mode },
          `background work: ${work.mode === "in-process" ? "in-process Inngest runner" : `Inngest (${work.mode})`} and the outbox relay`,
        );
        const tracing = (globalThis as unknown as { __aiviTracing?: { shutdown: () => Promise<void> } | null }).__aiviTracing;
        // The spans still buffered are exported before the process exits.
        const stop = () =>
          void work
            .stop()
            .then(() => tracing?.shutdown())
            .finally(() => process.exit(0));
        process.once("SIGTERM", stop);
        process.once("SIGINT", stop);
      }
    }
  }
}
