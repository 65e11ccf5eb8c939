import { audit } from "../audit/log";
import { Prisma, type Db } from "../db/client";
import { DomainError, notFound } from "../errors";
import { readAttemptLog, shownAttempts } from "./attempt-log";
import type { ListRunsInput } from "./pipeline.schema";

type StoredStep = { name?: string; type?: "data" | "error"; error?: unknown; attempts?: number; at?: string };

function stepError(error: unknown): string | null {
  if (!error) return null;
  if (typeof error === "object" && error && "message" in error && typeof error.message === "string") return error.message;
  return typeof error === "string" ? error : JSON.stringify(error);
}

/** A run's steps in the order they finished, for the operator page (results are not shown: they may be large). */
function readSteps(steps: Prisma.JsonValue, order: string[]) {
  const byId = (steps ?? {}) as Record<string, StoredStep>;
  const ids = [...order, ...Object.keys(byId).filter((id) => !order.includes(id))];
  return ids
    .filter((id) => byId[id])
    .map((id) => {
      const s = byId[id]!;
      return {
        id,
        name: s.name ?? id,
        ok: s.type !== "error",
        error: s.type === "error" ? stepError(s.error) : null,
        attempts: s.attempts ?? 1,
        at: s.at ?? null,
      };
    });
}

/** The in-process runner's runs, newest first, for administrators. */
export async function listRuns(db: Db, input: ListRunsInput) {
  const rows = await db.jobRun.findMany({
    where: { ...(input.status ? { status: input.status } : {}), ...(input.functionId ? { functionId: input.functionId } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
  });
  const page = rows.slice(0, input.limit);
  const [counts, functions, pendingOutbox, failingOutbox] = await Promise.all([
    db.jobRun.groupBy({ by: ["status"], _count: { _all: true } }),
    db.jobRun.findMany({ distinct: ["functionId"], select: { functionId: true }, orderBy: { functionId: "asc" } }),
    db.outboxEvent.count({ where: { sentAt: null } }),
    db.outboxEvent.findMany({
      where: { sentAt: null, attempts: { gt: 0 } },
      select: { id: true, name: true, attempts: true, lastError: true },
      take: 5,
      orderBy: { createdAt: "asc" },
    }),
  ]);
  return {
    runs: page.map((r) => ({
      id: r.id,
      functionId: r.functionId,
      eventName: r.eventName,
      eventId: r.eventId,
      status: r.status,
      attempt: r.attempt,
      currentStep: r.currentStep,
      error: r.error,
      runCount: r.runCount,
      runAfter: r.runAfter,
      createdAt: r.createdAt,
      startedAt: r.startedAt,
      finishedAt: r.finishedAt,
      steps: readSteps(r.steps, r.stepOrder),
      attempts: shownAttempts(readAttemptLog(r.attemptLog), r),
      resuming: r.resumedAt !== null && (r.status === "RUNNING" || r.status === "QUEUED"),
    })),
    nextCursor: rows.length > input.limit ? (page.at(-1)?.id ?? null) : null,
    counts: Object.fromEntries(counts.map((c) => [c.status, c._count._all])) as Partial<Record<(typeof counts)[number]["status"], number>>,
    functions: functions.map((f) => f.functionId),
    outbox: { pending: pendingOutbox, failing: failingOutbox },
  };
}

/**
 * Runs a finished or failed run again from its first step, with the same event. Its step results
 * are forgotten; the steps themselves are idempotent, so a re-run converges on the same rows.
 */
export async function rerunJob(db: Db, actor: { id: string }, runId: string): Promise<{ runId: string }> {
  return db.$transaction(async (tx) => {
    const run = await tx.jobRun.findUnique({ where: { id: runId }, select: { id: true, status: true, functionId: true } });
    if (!run) throw notFound("The run");
    if (run.status === "RUNNING" || run.status === "QUEUED") throw new DomainError("CONFLICT", "This run is queued or running already.");
    await tx.jobRun.update({
      where: { id: run.id },
      data: {
        status: "QUEUED",
        steps: {},
        stepOrder: { set: [] },
        attempt: 0,
        error: null,
        output: Prisma.DbNull,
        currentStep: null,
        runAfter: new Date(),
        owner: null,
        lockedAt: null,
        finishedAt: null,
        resumedAt: null,
        runCount: { increment: 1 },
      },
    });
    await audit(tx, { actorId: actor.id, action: "job.rerun", targetType: "job_run", targetId: run.id, data: { functionId: run.functionId } });
    return { runId: run.id };
  });
}
