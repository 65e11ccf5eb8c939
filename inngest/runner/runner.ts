import { CronExpressionParser } from "cron-parser";
import type { InngestFunction } from "inngest";
import type { Db, JobRun, Prisma } from "@/server/db/client";
import { attemptsOf, openAttempt, readAttemptLog, type AttemptEntry } from "@/server/pipeline/attempt-log";
import { inProcessHandler } from "./handler";
import { newIncarnation, runnerIdentity } from "./identity";
import { setLocalQueueTarget } from "./local-queue";
import { buildRunRequest, errorMessage, readRunResponse, type MemoizedStep, type Outcome, type RunEvent } from "./protocol";
import { registerFunctions, type RegisteredFunction } from "./registry";
import { metrics } from "@/server/metrics/registry";
import { logger } from "@/server/logging/logger";
import { withRunSpan, withStepSpan } from "../tracing";

export type RunnerOptions = {
  db: Db;
  functions: readonly InngestFunction.Any[];
  /** Runs executed at once; each function's own `concurrency` limits it further. */
  workers?: number;
  pollMs?: number;
  /**
   * A run whose holder has not renewed its lock for this long is taken over: the fallback for a
   * holder with no heartbeat row. A holder's own heartbeat (below) is how a crash is found sooner.
   */
  leaseMs?: number;
  /** Who this runner is across restarts (default: runnerIdentity()). */
  identity?: string;
  /** How often the runner says it is alive, and after how long without a word it is taken for dead. */
  heartbeatMs?: number;
  heartbeatStaleMs?: number;
  /** Retry delays: base * 2^attempt, capped, with jitter. */
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  log?: (line: string, data?: Record<string, unknown>) => void;
};

// What the attempt log calls an error thrown by the function outside any step.
const FUNCTION_BODY = "(function body)";

// pg_advisory_xact_lock's key for claiming runs (any bigint the app uses for nothing else).
const CLAIM_LOCK = 7_321_509_001n;

// A function that keeps answering with new steps forever is a bug; stop it instead of spinning.
const MAX_REQUESTS_PER_CLAIM = 500;

type Claimed = Pick<JobRun, "id" | "functionId" | "eventId" | "event" | "attempt" | "steps" | "stepOrder" | "attemptLog" | "traceparent"> & {
  /** Who held the run when it was claimed, when it was running: a takeover. */
  previousOwner: string | null;
  previousStatus: JobRun["status"];
  previousStep: string | null;
};

/**
 * Runs the app's Inngest functions inside the app when no Inngest server is configured, with
 * exactly the function code that Inngest would run: it calls the SDK's own serve handler the way
 * Inngest's executor calls /api/inngest, and keeps what Inngest would keep (memoized steps,
 * attempts, sleeps) in the job_runs table after every step, so a restart resumes a run at the step
 * it was in. A step is at-least-once, as on Inngest: steps are written to be idempotent.
 */
export class InProcessRunner {
  readonly identity: string;
  /** This incarnation, as job_runs.owner and runner_heartbeats.id hold it. */
  readonly owner: string;
  private readonly db: Db;
  private readonly fns: RegisteredFunction[];
  private readonly byId: Map<string, RegisteredFunction>;
  private readonly handler: (req: Request) => Promise<Response>;
  private readonly workers: number;
  private readonly pollMs: number;
  private readonly leaseMs: number;
  private readonly heartbeatMs: number;
  private readonly heartbeatStaleMs: number;
  private heartbeat: NodeJS.Timeout | null = null;
  private registered: Promise<void> = Promise.resolve();
  private caughtUp!: () => void;
  /**
   * Resolves once a claim after start finds nothing more it may take: by then every run a previous
   * incarnation held is back in hand. Start-up work that can wait (CPU-heavy catch-ups) waits for it.
   */
  readonly reclaimed: Promise<void> = new Promise((resolve) => (this.caughtUp = resolve));
  private readonly backoffBaseMs: number;
  private readonly backoffMaxMs: number;
  private readonly log: NonNullable<RunnerOptions["log"]>;
  private stopped = true;
  private stopping = false;
  private loops: Promise<void>[] = [];
  private wake: (() => void) | null = null;
  private claiming: Promise<unknown> = Promise.resolve();
  // The tick each cron function was last scheduled for: nothing to write before it passes.
  private readonly scheduledTicks = new Map<string, number>();

  constructor(opts: RunnerOptions) {
    this.db = opts.db;
    this.fns = registerFunctions(opts.functions);
    this.byId = new Map(this.fns.map((f) => [f.id, f]));
    this.handler = inProcessHandler(opts.functions);
    this.workers = opts.workers ?? 2;
    this.pollMs = opts.pollMs ?? 1000;
    this.leaseMs = opts.leaseMs ?? 30_000;
    this.identity = opts.identity ?? runnerIdentity();
    this.owner = newIncarnation(this.identity);
    this.heartbeatMs = opts.heartbeatMs ?? 2000;
    this.heartbeatStaleMs = opts.heartbeatStaleMs ?? 3 * this.heartbeatMs;
    this.backoffBaseMs = opts.backoffBaseMs ?? 2000;
    this.backoffMaxMs = opts.backoffMaxMs ?? 5 * 60_000;
    this.log = opts.log ?? ((line, data) => logger.info({ component: "runner", ...data }, line));
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.stopping = false;
    setLocalQueueTarget({ db: this.db, functions: this.fns, onEnqueue: () => this.poke() });
    this.scheduledTicks.clear();
    this.registered = this.register().catch((error: unknown) => this.log("could not register the runner's heartbeat", { error: String(error) }));
    this.heartbeat = setInterval(() => void this.beat(), this.heartbeatMs);
    this.heartbeat.unref();
    this.loops = Array.from({ length: this.workers }, () => this.loop());
  }

  /**
   * Says this incarnation is alive, before any claim: from then on the runs that a previous
   * incarnation of the same identity held are claimable at once (claimOne), since it is dead.
   */
  private async register(): Promise<void> {
    await this.db.runnerHeartbeat.upsert({
      where: { id: this.owner },
      create: { id: this.owner, identity: this.identity },
      update: { beatAt: new Date() },
    });
    // Incarnations gone for a day hold nothing worth a row; their runs fall back to the lease.
    await this.db.runnerHeartbeat.deleteMany({ where: { beatAt: { lt: new Date(Date.now() - 24 * 3600_000) } } });
  }

  private async beat(): Promise<void> {
    await this.db.runnerHeartbeat.updateMany({ where: { id: this.owner }, data: { beatAt: new Date() } }).catch(() => {});
  }

  /**
   * Lets the steps in flight finish for up to `graceMs`, then gives up on them: a step still
   * running (a long transcription) is run again by the next runner once its lock goes stale,
   * exactly as after a crash, so a shutdown never waits minutes.
   */
  async stop(opts: { graceMs?: number } = {}): Promise<void> {
    this.stopped = true;
    this.stopping = true;
    this.caughtUp();
    this.poke();
    let timer: NodeJS.Timeout | undefined;
    const grace = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, opts.graceMs ?? 10_000);
    });
    await Promise.race([Promise.all(this.loops), grace]);
    clearTimeout(timer);
    this.loops = [];
    setLocalQueueTarget(null);
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
    // Whatever is still in flight is given up: other runners may take it over now, not after the lease.
    await this.db.runnerHeartbeat.updateMany({ where: { id: this.owner }, data: { beatAt: new Date(0) } }).catch(() => {});
  }

  /** Wakes idle workers: new work was queued. */
  poke(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }

  /**
   * Inngest's scheduler for cron triggers: each cron function gets a queued run at its next tick
   * after `now` (UTC), keyed by the tick so that several runners, or a restart, queue it once.
   * Ticks missed while no runner was up are not made up for, as on Inngest.
   */
  async scheduleCrons(now: Date = new Date()): Promise<void> {
    const rows: Prisma.JobRunCreateManyInput[] = [];
    for (const fn of this.fns) {
      for (const cron of fn.crons) {
        const key = `${fn.id} ${cron}`;
        if ((this.scheduledTicks.get(key) ?? 0) > now.getTime()) continue;
        const tick = CronExpressionParser.parse(cron, { currentDate: now, tz: "UTC" }).next().toDate();
        const eventId = `cron:${cron}:${tick.toISOString()}`;
        const event = { id: eventId, name: "inngest/scheduled.timer", data: { cron }, ts: tick.getTime() };
        rows.push({ functionId: fn.id, eventId, eventName: event.name, event, runAfter: tick });
        this.scheduledTicks.set(key, tick.getTime());
      }
    }
    if (rows.length) await this.db.jobRun.createMany({ data: rows, skipDuplicates: true });
  }

  /** Runs due work until none is left; for scripts and tests. Returns how many claims it made. */
  async drain(opts: { timeoutMs?: number } = {}): Promise<number> {
    setLocalQueueTarget({ db: this.db, functions: this.fns });
    const deadline = Date.now() + (opts.timeoutMs ?? 60_000);
    let claims = 0;
    for (;;) {
      const run = await this.claim();
      if (!run) return claims;
      claims++;
      await this.execute(run);
      if (Date.now() > deadline) throw new Error(`drain(): work still due after ${opts.timeoutMs ?? 60_000} ms`);
    }
  }

  private async loop(): Promise<void> {
    await this.registered;
    while (!this.stopped) {
      let run: Claimed | null = null;
      try {
        await this.scheduleCrons();
        run = await this.claim();
      } catch (error) {
        this.log("could not claim a run", { error: String(error) });
      }
      if (!run) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, this.pollMs);
          this.wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        continue;
      }
      try {
        await this.execute(run);
      } catch (error) {
        this.log("run crashed the runner loop", { runId: run.id, error: String(error) });
      }
    }
  }

  /**
   * Takes one due run: queued or sleeping past its time, or running under a holder that is gone:
   * an earlier incarnation of this runner (it restarted: taken at once), a runner whose heartbeat
   * stopped a few seconds ago, or a lock nobody renewed within the lease.
   */
  private claim(): Promise<Claimed | null> {
    // One claim at a time per runner, so its own workers queue here rather than for the database's
    // claim lock (claimOne), which orders the claims of every runner.
    const next = this.claiming.then(() => this.claimOne());
    this.claiming = next.catch(() => {});
    return next;
  }

  /**
   * Claims run inside one transaction holding CLAIM_LOCK, a transaction-level advisory lock: claims
   * by every runner on the database (every process, every worker) happen one after the other, so
   * each counts the runs that the claims before it took, and a function's `concurrency` holds
   * across processes, not only within one. The lock is held for two short queries and released at
   * commit, so a crashed runner cannot keep it. FOR UPDATE SKIP LOCKED on the run guarantees less
   * and is kept for what it does give: a run whose row another transaction is writing (its holder
   * saving a step) is passed over, never waited for.
   */
  private async claimOne(): Promise<Claimed | null> {
    const known = this.fns.map((f) => f.id);
    if (!known.length) return null;
    const limited = this.fns.filter((f) => f.concurrency !== null);
    const rows = await this.db.$transaction(
      async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(${CLAIM_LOCK})`;
        // Read after the lock, so a claim's time is after every run end the count below has seen.
        const now = Date.now();
        const staleBefore = new Date(now - this.leaseMs);
        const silentSince = new Date(now - this.heartbeatStaleMs);
        // A run is held while its holder is alive: the exact negation of the takeover condition below.
        const held = limited.length
          ? await tx.$queryRaw<{ functionId: string; held: number }[]>`
          SELECT j."functionId", count(*)::int AS "held"
          FROM "job_runs" j
          LEFT JOIN "runner_heartbeats" h ON h."id" = j."owner"
          WHERE j."status" = 'RUNNING' AND j."functionId" = ANY(${limited.map((f) => f.id)}::text[])
            AND NOT (j."lockedAt" IS NULL OR j."lockedAt" < ${staleBefore}
              OR (h."identity" IS NOT NULL AND h."identity" = ${this.identity} AND h."id" <> ${this.owner})
              OR (h."beatAt" IS NOT NULL AND h."beatAt" < ${silentSince}))
          GROUP BY j."functionId"`
          : [];
        const heldBy = new Map(held.map((r) => [r.functionId, r.held]));
        const full = limited.filter((f) => (heldBy.get(f.id) ?? 0) >= f.concurrency!).map((f) => f.id);
        const opened = JSON.stringify([openAttempt(this.owner, new Date(now))]);
        return tx.$queryRaw<Claimed[]>`
      WITH due AS (
        SELECT j."id", j."owner", j."status", j."currentStep"
        FROM "job_runs" j
        LEFT JOIN "runner_heartbeats" h ON h."id" = j."owner"
        WHERE j."functionId" = ANY(${known}::text[]) AND NOT (j."functionId" = ANY(${full}::text[]))
          AND ((j."status" IN ('QUEUED', 'SLEEPING') AND j."runAfter" <= now())
            OR (j."status" = 'RUNNING' AND (j."lockedAt" IS NULL OR j."lockedAt" < ${staleBefore}
              OR (h."identity" = ${this.identity} AND h."id" <> ${this.owner})
              OR h."beatAt" < ${silentSince})))
        -- Runs taken over come first: they were under way, and a function's concurrency slot must
        -- not go to new work while one of its runs waits for its dead holder's successor.
        ORDER BY (j."status" = 'RUNNING') DESC, j."runAfter", j."createdAt"
        LIMIT 1
        FOR UPDATE OF j SKIP LOCKED
      )
      UPDATE "job_runs" r SET "status" = 'RUNNING', "owner" = ${this.owner}, "lockedAt" = now(),
        "startedAt" = COALESCE(r."startedAt", now()), "updatedAt" = now(),
        "resumedAt" = CASE WHEN due."status" = 'RUNNING' AND due."owner" IS NOT NULL THEN now() ELSE r."resumedAt" END,
        "attemptLog" = r."attemptLog" || ${opened}::jsonb
      FROM due WHERE r."id" = due."id"
      RETURNING r."id", r."functionId", r."eventId", r."event", r."attempt", r."steps", r."stepOrder", r."attemptLog", r."traceparent",
        due."owner" AS "previousOwner", due."status" AS "previousStatus", due."currentStep" AS "previousStep"`;
        // Prisma's 5 s default would abort a claim queued behind several runners' claims on a busy database.
      },
      { timeout: 30_000, maxWait: 30_000 },
    );
    const run = rows[0] ?? null;
    if (!run) {
      this.caughtUp();
      return null;
    }
    if (run.previousStatus === "RUNNING" && run.previousOwner) this.log(this.takeoverLine(run));
    return run;
  }

  /** One line per takeover: the run, the step it was in (or the last one it finished), and who held it. */
  private takeoverLine(run: Claimed): string {
    const steps = run.steps as Record<string, MemoizedStep>;
    const lastDone = run.stepOrder.length ? steps[run.stepOrder.at(-1)!]?.name : undefined;
    const where = run.previousStep ? `at step "${run.previousStep}"` : lastDone ? `after step "${lastDone}"` : "before its first step";
    return `took over run ${run.id} (${run.functionId}) ${where} from ${run.previousOwner}`;
  }

  private backoff(attempt: number, retryAfterMs: number | null): number {
    if (retryAfterMs !== null) return Math.min(retryAfterMs, this.backoffMaxMs);
    const exp = Math.min(this.backoffBaseMs * 2 ** attempt, this.backoffMaxMs);
    return Math.round(exp * (0.8 + Math.random() * 0.4));
  }

  /** Writes the run's state, only while this runner still holds it. */
  private async save(runId: string, data: Prisma.JobRunUpdateManyMutationInput): Promise<boolean> {
    const { count } = await this.db.jobRun.updateMany({ where: { id: runId, owner: this.owner, status: "RUNNING" }, data });
    return count === 1;
  }

  private async execute(run: Claimed): Promise<void> {
    const fn = this.byId.get(run.functionId);
    if (fn) await withRunSpan(run, () => this.advance(run, fn));
    else await this.save(run.id, { status: "FAILED", error: `No function "${run.functionId}" is registered.`, finishedAt: new Date(), owner: null });
  }

  private async advance(run: Claimed, fn: RegisteredFunction): Promise<void> {
    const steps = { ...(run.steps as Record<string, MemoizedStep>) };
    const stepOrder = [...run.stepOrder];
    let attempt = run.attempt;
    let stepId: string | undefined;
    const heartbeat = setInterval(
      () => {
        void this.db.jobRun.updateMany({ where: { id: run.id, owner: this.owner }, data: { lockedAt: new Date() } }).catch(() => {});
      },
      Math.max(1000, Math.floor(this.leaseMs / 3)),
    );

    const memoize = (id: string, step: MemoizedStep) => {
      steps[id] = step;
      if (!stepOrder.includes(id)) stepOrder.push(id);
    };
    // The claim opened an attempt for the first request; each request's answer closes it.
    const log: AttemptEntry[] = readAttemptLog(run.attemptLog);
    const mine = () => {
      const last = log.at(-1);
      return last?.owner === this.owner && last.outcome === "running" ? last : null;
    };
    const close = (step: string, outcome: AttemptEntry["outcome"], at: Date) => {
      const last = mine();
      if (!last) return;
      Object.assign(last, { step, outcome, endedAt: at.toISOString() });
      const labels = { function: run.functionId, step, outcome };
      metrics().stepDuration.observe(labels, (at.getTime() - Date.parse(last.startedAt)) / 1000);
      if (outcome === "errored" || outcome === "failed") metrics().stepFailures.inc(labels);
    };
    // A request that ran no step (the function returned, or the runner stops) was no attempt.
    const dropOpen = () => {
      if (mine()?.step === null) log.pop();
    };
    const state = () => ({ steps: steps as Prisma.InputJsonValue, stepOrder: { set: stepOrder }, attemptLog: log as Prisma.InputJsonValue });

    try {
      for (let i = 0; i < MAX_REQUESTS_PER_CLAIM; i++) {
        if (this.stopping && i > 0) {
          // Stopping: the run goes back to the queue at the step it reached.
          dropOpen();
          await this.save(run.id, { ...state(), attempt, status: "QUEUED", owner: null, lockedAt: null, runAfter: new Date() });
          return;
        }
        const request = buildRunRequest({
          functionId: fn.id,
          runId: run.id,
          event: run.event as RunEvent,
          steps,
          stepOrder,
          attempt,
          maxAttempts: fn.maxAttempts,
          stepId,
        });
        let outcome: Outcome;
        try {
          outcome = await withStepSpan(fn.id, attempt, async () => readRunResponse(await this.handler(request)));
        } catch (error) {
          outcome = { kind: "retry", error: { message: `The runner could not read the function's answer: ${String(error)}` }, retryAfterMs: null };
        }
        stepId = undefined;
        const now = new Date();

        switch (outcome.kind) {
          case "step-completed":
          case "step-failed": {
            const prior = steps[outcome.id];
            close(outcome.name, outcome.kind === "step-completed" ? "completed" : "failed", now);
            const attempts = attemptsOf(log, outcome.name);
            memoize(
              outcome.id,
              outcome.kind === "step-completed"
                ? { name: outcome.name, type: "data", data: outcome.data, attempts, at: now.toISOString() }
                : { name: outcome.name, type: "error", error: outcome.error, attempts, at: now.toISOString() },
            );
            if (prior) this.log("step answered twice", { runId: run.id, step: outcome.name });
            attempt = 0;
            log.push(openAttempt(this.owner, now));
            // The step a takeover resumed has finished again: nothing shown to HR is stale any more.
            if (!(await this.save(run.id, { ...state(), attempt, currentStep: null, error: null, lockedAt: now, resumedAt: null }))) return;
            continue;
          }
          case "planned": {
            stepId = outcome.steps[0]!.id;
            const open = mine();
            if (open) open.step = outcome.steps[0]!.name;
            if (!(await this.save(run.id, { currentStep: outcome.steps[0]!.name, lockedAt: now, attemptLog: log }))) return;
            continue;
          }
          case "sleep":
            close(outcome.name, "slept", now);
            memoize(outcome.id, { name: outcome.name, type: "data", data: null, attempts: 1, at: outcome.until.toISOString() });
            await this.save(run.id, {
              ...state(),
              attempt: 0,
              status: "SLEEPING",
              currentStep: outcome.name,
              runAfter: outcome.until,
              owner: null,
              lockedAt: null,
            });
            return;
          case "step-errored": {
            close(outcome.name, "errored", now);
            const delay = this.backoff(attempt, outcome.retryAfterMs);
            this.log(`step "${outcome.name}" failed (attempt ${attempt + 1} of ${fn.maxAttempts}); retrying in ${delay} ms`, {
              runId: run.id,
              error: errorMessage(outcome.error),
            });
            await this.save(run.id, {
              ...state(),
              attempt: attempt + 1,
              status: "QUEUED",
              currentStep: outcome.name,
              error: errorMessage(outcome.error),
              runAfter: new Date(now.getTime() + delay),
              owner: null,
              lockedAt: null,
            });
            return;
          }
          case "retry": {
            close(FUNCTION_BODY, "errored", now);
            if (attempt + 1 >= fn.maxAttempts) {
              await this.save(run.id, { ...state(), status: "FAILED", error: errorMessage(outcome.error), finishedAt: now, owner: null, lockedAt: null });
              return;
            }
            const delay = this.backoff(attempt, outcome.retryAfterMs);
            await this.save(run.id, {
              ...state(),
              attempt: attempt + 1,
              status: "QUEUED",
              error: errorMessage(outcome.error),
              runAfter: new Date(now.getTime() + delay),
              owner: null,
              lockedAt: null,
            });
            return;
          }
          case "completed":
            dropOpen();
            await this.save(run.id, {
              ...state(),
              status: "COMPLETED",
              output: (outcome.output ?? null) as Prisma.InputJsonValue,
              currentStep: null,
              error: null,
              finishedAt: now,
              owner: null,
              lockedAt: null,
            });
            return;
          case "failed":
            dropOpen();
            await this.save(run.id, {
              ...state(),
              status: "FAILED",
              error: errorMessage(outcome.error),
              currentStep: null,
              finishedAt: now,
              owner: null,
              lockedAt: null,
            });
            return;
          case "unsupported":
            dropOpen();
            await this.save(run.id, {
              ...state(),
              status: "FAILED",
              error: `Step "${outcome.name}" uses ${outcome.op}, which the in-process runner does not support; run this function on an Inngest server.`,
              finishedAt: now,
              owner: null,
              lockedAt: null,
            });
            return;
        }
      }
      dropOpen();
      await this.save(run.id, {
        ...state(),
        status: "FAILED",
        error: `The function asked for more than ${MAX_REQUESTS_PER_CLAIM} steps in one go.`,
        finishedAt: new Date(),
        owner: null,
        lockedAt: null,
      });
    } finally {
      clearInterval(heartbeat);
    }
  }
}
