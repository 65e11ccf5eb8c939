/** One attempt at one step, as job_runs.attemptLog keeps it. */
export type AttemptEntry = {
  /** Null while the attempt runs: the SDK names the step it ran in its answer. */
  step: string | null;
  owner: string;
  startedAt: string;
  endedAt: string | null;
  outcome: "running" | "completed" | "errored" | "failed" | "slept";
};

export type ShownAttempt = { step: string | null; owner: string; startedAt: string; endedAt: string | null; outcome: AttemptEntry["outcome"] | "cut short" };

export function readAttemptLog(value: unknown): AttemptEntry[] {
  return Array.isArray(value) ? (value as AttemptEntry[]) : [];
}

export function openAttempt(owner: string, now: Date, step: string | null = null): AttemptEntry {
  return { step, owner, startedAt: now.toISOString(), endedAt: null, outcome: "running" };
}

/**
 * How many times the step `name`, which just finished in the log's last entry, was tried: that
 * entry and the unfinished or failed ones right before it that were the same step, or whose step
 * was never named because a crash cut them short (the step run after a takeover is the one that
 * was cut: steps replay in the same order).
 */
export function attemptsOf(log: AttemptEntry[], name: string): number {
  let count = 1;
  for (let i = log.length - 2; i >= 0; i--) {
    const entry = log[i]!;
    if (entry.outcome === "completed" || entry.outcome === "slept") break;
    if (entry.step !== null && entry.step !== name) break;
    count++;
  }
  return count;
}

/**
 * The log as the operator page shows it: an attempt still "running" under another holder than
 * the run's current one, or in a run no longer running, was cut short (its runner died), and is
 * named after the attempt that ran the same step next.
 */
export function shownAttempts(log: AttemptEntry[], run: { owner: string | null; status: string }): ShownAttempt[] {
  const shown: ShownAttempt[] = log.map((entry) => {
    const cut = entry.outcome === "running" && (run.status !== "RUNNING" || entry.owner !== run.owner);
    return { ...entry, outcome: cut ? "cut short" : entry.outcome };
  });
  for (let i = shown.length - 2; i >= 0; i--) {
    if (shown[i]!.outcome === "cut short" && shown[i]!.step === null) shown[i]!.step = shown[i + 1]!.step;
  }
  return shown;
}
