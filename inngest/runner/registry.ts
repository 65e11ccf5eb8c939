import type { InngestFunction } from "inngest";
import { INNGEST_APP_ID } from "../client";

export type RegisteredFunction = {
  /** The full id the serve handler knows it by: `<app id>-<function id>`. */
  id: string;
  name: string;
  events: string[];
  /** Cron expressions the function is scheduled by (UTC, as on Inngest). */
  crons: string[];
  maxAttempts: number;
  /** Runs of this function at once in one process; null = no limit. */
  concurrency: number | null;
};

// Inngest's own default when a function sets no `retries`.
const DEFAULT_RETRIES = 3;

function eventNames(triggers: unknown): string[] {
  const list: unknown[] = Array.isArray(triggers) ? (triggers as unknown[]) : triggers ? [triggers] : [];
  return list.flatMap((t) => (t && typeof t === "object" && "event" in t && typeof t.event === "string" ? [t.event] : []));
}

function cronExpressions(triggers: unknown): string[] {
  const list: unknown[] = Array.isArray(triggers) ? (triggers as unknown[]) : triggers ? [triggers] : [];
  return list.flatMap((t) => (t && typeof t === "object" && "cron" in t && typeof t.cron === "string" ? [t.cron] : []));
}

function concurrencyLimit(option: unknown): number | null {
  const first: unknown = Array.isArray(option) ? (option as unknown[])[0] : option;
  if (typeof first === "number") return first > 0 ? first : null;
  if (first && typeof first === "object" && "limit" in first && typeof first.limit === "number") return first.limit > 0 ? first.limit : null;
  return null;
}

/** What the runner needs of each function, read from the same options Inngest is given. */
export function registerFunctions(functions: readonly InngestFunction.Any[]): RegisteredFunction[] {
  return functions.map((fn) => {
    const opts = fn.opts as { triggers?: unknown; retries?: number; concurrency?: unknown };
    return {
      id: fn.id(INNGEST_APP_ID),
      name: fn.name,
      events: eventNames(opts.triggers),
      crons: cronExpressions(opts.triggers),
      maxAttempts: (opts.retries ?? DEFAULT_RETRIES) + 1,
      concurrency: concurrencyLimit(opts.concurrency),
    };
  });
}
