import { randomUUID } from "node:crypto";
import type { InngestFunction } from "inngest";
import type { Db, JobRun, Prisma } from "@/server/db/client";
import { inProcessHandler } from "./handler";
import { enqueueCronTicks, setLocalQueueTarget } from "./local-queue";
import { buildRunRequest, errorMessage, readRunResponse, type MemoizedStep, type Outcome, type RunEvent } from "./protocol";
import { registerFunctions, type RegisteredFunction } from "./registry";

export type RunnerOptions = {
  db: Db;
  functions: readonly InngestFunction.Any[];
  /** Runs executed at once; each function's own `concurrency` limits it further. */
  workers?: number;
  pollMs?: number;
  /** A run whose owner has not proved alive for this long is taken over by another runner. */
  leaseMs?: number;
  /** Retry delays: base * 2^attempt, capped, with jitter. */
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  /** How often a started runner checks for due cron ticks. */
  cronCheckMs?: number;
  log?: (line: string, data?: Record<string, unknown>) => void;
};

// A function that keeps answering with new steps forever is a bug; stop it instead of spinning.
const MAX_REQUESTS_PER_CLAIM = 500;

type Claimed = Pick<JobRun, "id" | "functionId" | "eventId" | "event" | "attempt" | "steps" | "stepOrder">;

/**
 * Runs the app's Inngest functions inside the app when no Inngest server is configured, with
 * exactly the function code that Inngest would run: it calls the SDK's own serve handler the way
 * Inngest's executor calls /api/inngest, and keeps what Inngest would keep (memoized steps,
 * attempts, sleeps) in the job_runs table after every step, so a restart resumes a run at the step
 * it was in. A step is at-least-once, as on Inngest: steps are written to be idempotent.
 */
export class InProcessRunner {
  readonly owner = `runner-${process.pid}-${randomUUID().slice(0, 8)}`;
  private readonly db: Db;
  private readonly fns: RegisteredFunction[];
  private readonly byId: Map<string, RegisteredFunction>;
  private readonly handler: (req: Request) => Promise<Response>;
  private readonly workers: number;
  private readonly pollMs: number;
  private readonly leaseMs: number;
  private readonly backoffBaseMs: number;
  private readonly backoffMaxMs: number;
  private readonly cronCheckMs: number;
  private cronTimer: NodeJS.Timeout | null = null;
  private readonly log: NonNullable<RunnerOptions["log"]>;
  private readonly running = new Map<string, number>();
  private stopped = true;
  private stopping = false;
  private loops: Promise<void>[] = [];
  private wake: (() => void) | null = null;
  private claiming: Promise<unknown> = Promise.resolve();

  constructor(opts: RunnerOptions) {
    this.db = opts.db;
    this.fns = registerFunctions(opts.functions);
    this.byId = new Map(this.fns.map((f) => [f.id, f]));
    this.handler = inProcessHandler(opts.functions);
    this.workers = opts.workers ?? 2;
    this.pollMs = opts.pollMs ?? 1000;
    this.leaseMs = opts.leaseMs ?? 30_000;
    this.backoffBaseMs = opts.backoffBaseMs ?? 2000;
    this.backoffMaxMs = opts.backoffMaxMs ?? 5 * 60_000;
    this.cronCheckMs = opts.cronCheckMs ?? 30_000;
    this.log = opts.log ?? ((line, data) => console.log(`[runner] ${line}`, data ?? ""));
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.stopping = false;
    setLocalQueueTarget({ db: this.db, functions: this.fns, onEnqueue: () => this.poke() });
    this.loops = Array.from({ length: this.workers }, () => this.loop());
    if (this.fns.some((f) => f.crons.length)) {
      const check = () => void this.scheduleCron().catch((error: unknown) => this.log("could not queue cron runs", { error: String(error) }));
      check();
      this.cronTimer = setInterval(check, this.cronCheckMs);
    }
  }

  /**
   * Queues the runs of cron-triggered functions whose tick is due, as Inngest's scheduler would.
   * A started runner calls it on its own; drain() does not, so a test decides when a tick happens.
   */
  async scheduleCron(now: Date = new Date()): Promise<number> {
    const queued = await enqueueCronTicks(this.db, this.fns, now);
    if (queued) this.poke();
    return queued;
  }

  /**
   * Lets the steps in flight finish for up to `graceMs`, then gives up on them: a step still
   * running (a long transcription) is run again by the next runner once its lock goes stale,
   * exactly as after a crash, so a shutdown never waits minutes.
   */
  async stop(opts: { graceMs?: number } = {}): Promise<void> {
    this.stopped = true;
    this.stopping = true;
    if (this.cronTimer) clearInterval(this.cronTimer);
    this.cronTimer = null;
    this.poke();
    let timer: NodeJS.Timeout | undefined;
    const grace = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, opts.graceMs ?? 10_000);
    });
    await Promise.race([Promise.all(this.loops), grace]);
    clearTimeout(timer);
    this.loops = [];
    setLocalQueueTarget(null);
  }

  /** Wakes idle workers: new work was queued. */
  poke(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
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
    while (!this.stopped) {
      let run: Claimed | null = null;
      try {
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
   * Takes one due run: queued or sleeping past its time, or running under a lock nobody renewed
   * within the lease (its runner died). SKIP LOCKED lets several runners share the table.
   */
  private claim(): Promise<Claimed | null> {
    // One claim at a time per runner: each reads the running counts the previous one updated,
    // so two workers cannot both take a function's last slot.
    const next = this.claiming.then(() => this.claimOne());
    this.claiming = next.catch(() => {});
    return next;
  }

  private async claimOne(): Promise<Claimed | null> {
    const full = this.fns.filter((f) => f.concurrency !== null && (this.running.get(f.id) ?? 0) >= f.concurrency).map((f) => f.id);
    const known = this.fns.map((f) => f.id);
    if (!known.length) return null;
    const staleBefore = new Date(Date.now() - this.leaseMs);
    const rows = await this.db.$queryRaw<Claimed[]>`
      UPDATE "job_runs" SET "status" = 'RUNNING', "owner" = ${this.owner}, "lockedAt" = now(),
        "startedAt" = COALESCE("startedAt", now()), "updatedAt" = now()
      WHERE "id" = (
        SELECT "id" FROM "job_runs"
        WHERE "functionId" = ANY(${known}::text[]) AND NOT ("functionId" = ANY(${full}::text[]))
          AND (("status" IN ('QUEUED', 'SLEEPING') AND "runAfter" <= now())
            OR ("status" = 'RUNNING' AND ("lockedAt" IS NULL OR "lockedAt" < ${staleBefore})))
        ORDER BY "runAfter", "createdAt"
        LIMIT 1
        FOR UPDATE SKIP LOCKED
      )
      RETURNING "id", "functionId", "eventId", "event", "attempt", "steps", "stepOrder"`;
    const run = rows[0] ?? null;
    if (run) this.running.set(run.functionId, (this.running.get(run.functionId) ?? 0) + 1);
    return run;
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
    try {
      if (fn) await this.advance(run, fn);
      else await this.save(run.id, { status: "FAILED", error: `No function "${run.functionId}" is registered.`, finishedAt: new Date(), owner: null });
    } finally {
      this.running.set(run.functionId, Math.max(0, (this.running.get(run.functionId) ?? 1) - 1));
    }
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
    const state = () => ({ steps: steps as Prisma.InputJsonValue, stepOrder: { set: stepOrder } });

    try {
      for (let i = 0; i < MAX_REQUESTS_PER_CLAIM; i++) {
        if (this.stopping && i > 0) {
          // Stopping: the run goes back to the queue at the step it reached.
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
          outcome = await readRunResponse(await this.handler(request));
        } catch (error) {
          outcome = { kind: "retry", error: { message: `The runner could not read the function's answer: ${String(error)}` }, retryAfterMs: null };
        }
        stepId = undefined;
        const now = new Date();

        switch (outcome.kind) {
          case "step-completed":
          case "step-failed": {
            const prior = steps[outcome.id];
            memoize(
              outcome.id,
              outcome.kind === "step-completed"
                ? { name: outcome.name, type: "data", data: outcome.data, attempts: attempt + 1, at: now.toISOString() }
                : { name: outcome.name, type: "error", error: outcome.error, attempts: attempt + 1, at: now.toISOString() },
            );
            if (prior) this.log("step answered twice", { runId: run.id, step: outcome.name });
            attempt = 0;
            if (!(await this.save(run.id, { ...state(), attempt, currentStep: null, error: null, lockedAt: now }))) return;
            continue;
          }
          case "planned":
            stepId = outcome.steps[0]!.id;
            if (!(await this.save(run.id, { currentStep: outcome.steps[0]!.name, lockedAt: now }))) return;
            continue;
          case "sleep":
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
