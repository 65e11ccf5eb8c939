import type { InngestFunction } from "inngest";
import { INNGEST_APP_ID } from "../client";

/** A `cancelOn` entry the runner can honour: the cancelling event, and the field both events share. */
export type CancelRule = { event: string; match: string | null };

export type RegisteredFunction = {
  /** The full id the serve handler knows it by: `<app id>-<function id>`. */
  id: string;
  name: string;
  events: string[];
  /** Cron expressions (UTC) that start the function, as Inngest's scheduler would. */
  crons: string[];
  cancelOn: CancelRule[];
  maxAttempts: number;
  /** Runs of this function at once across every runner on the database; null = no limit. */
  concurrency: number | null;
};

// Inngest's own default when a function sets no `retries`.
const DEFAULT_RETRIES = 3;

function triggerList(triggers: unknown): unknown[] {
  return Array.isArray(triggers) ? (triggers as unknown[]) : triggers ? [triggers] : [];
}

function eventName(event: unknown): string | null {
  if (typeof event === "string") return event;
  // An `eventType(...)` object carries its name.
  if (event && typeof event === "object" && "name" in event && typeof event.name === "string") return event.name;
  return null;
}

function eventNames(triggers: unknown): string[] {
  return triggerList(triggers).flatMap((t) => {
    if (!t || typeof t !== "object" || "cron" in t) return [];
    const name = "event" in t ? eventName(t.event) : eventName(t);
    return name ? [name] : [];
  });
}

function cronExpressions(triggers: unknown): string[] {
  return triggerList(triggers).flatMap((t) => (t && typeof t === "object" && "cron" in t && typeof t.cron === "string" ? [t.cron] : []));
}

/**
 * Only `match` (a field compared between the run's event and the cancelling one) is honoured: an
 * `if` expression needs Inngest's expression engine, so a function using one is refused at start
 * rather than silently never cancelled.
 */
function cancelRules(fnId: string, option: unknown): CancelRule[] {
  const list: unknown[] = Array.isArray(option) ? (option as unknown[]) : [];
  return list.map((c) => {
    const rule = (c ?? {}) as { event?: unknown; match?: unknown; if?: unknown };
    const event = eventName(rule.event);
    if (!event) throw new Error(`Function "${fnId}" has a cancelOn entry without an event.`);
    if (rule.if !== undefined) throw new Error(`Function "${fnId}" cancels on an "if" expression, which the in-process runner cannot evaluate; use "match".`);
    return { event, match: typeof rule.match === "string" ? rule.match : null };
  });
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
    const opts = fn.opts as { triggers?: unknown; retries?: number; concurrency?: unknown; cancelOn?: unknown };
    const id = fn.id(INNGEST_APP_ID);
    return {
      id,
      name: fn.name,
      events: eventNames(opts.triggers),
      crons: cronExpressions(opts.triggers),
      cancelOn: cancelRules(id, opts.cancelOn),
      maxAttempts: (opts.retries ?? DEFAULT_RETRIES) + 1,
      concurrency: concurrencyLimit(opts.concurrency),
    };
  });
}
