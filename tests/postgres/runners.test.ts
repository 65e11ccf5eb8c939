import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { getDb, type JobRun } from "@/server/db/client";
import { submitText } from "@/server/interview/answers";
import { createInvitationToken } from "@/server/invitations/token";
import { readAttemptLog } from "@/server/pipeline/attempt-log";
import { interviewFixture } from "@/server/seed/fixture";
import { makeOrg, makeUser } from "../helpers/actors";
import { fixtureTemplate, submitFixtureInterview } from "../fixtures/pipeline";

/**
 * Several runner processes on one real database, as several app nodes run: the claim lock keeps
 * PIPELINE_CONCURRENCY across all of them, every step of every run is executed once, and a runner
 * killed in the middle of a step loses its runs to the others once its heartbeat stops.
 */

const PIPELINE_CONCURRENCY = 2;
const children: ChildProcess[] = [];
let output = "";

function crash(child: ChildProcess) {
  try {
    process.kill(-child.pid!, "SIGKILL");
  } catch {
    // Already gone.
  }
}

afterAll(() => {
  for (const c of children) crash(c);
});

/** The app's background work (relay and runner) as a process of its own, under its own runner identity. */
function startRunner(identity: string): { child: ChildProcess; started: Promise<void> } {
  const child = spawn(path.resolve("node_modules/.bin/tsx"), ["tests/helpers/runner-process.ts"], {
    env: {
      ...process.env,
      NODE_ENV: "test",
      LOG_LEVEL: "info",
      DATABASE_POOL_MAX: "4",
      RUNNER_ID: identity,
      PIPELINE_CONCURRENCY: String(PIPELINE_CONCURRENCY),
    },
    stdio: ["ignore", "pipe", "pipe"],
    // Its own process group: tsx runs the script in a child process, which a crash must take down too.
    detached: true,
  });
  const started = new Promise<void>((resolve) => {
    child.stdout.on("data", (d: Buffer) => {
      output = (output + d.toString()).slice(-200_000);
      if (/runner \S+ started/.test(d.toString())) resolve();
    });
  });
  child.stderr.on("data", (d: Buffer) => (output = (output + d.toString()).slice(-200_000)));
  children.push(child);
  return { child, started };
}

async function stopRunner(child: ChildProcess) {
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}

async function until<T>(what: string, timeoutMs: number, probe: () => Promise<T | null | undefined | false>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; the runner processes printed:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const allDone = async () => (await getDb().jobRun.count({ where: { status: { not: "COMPLETED" }, runAfter: { lte: new Date() } } })) === 0;

/** Thirty one-answer interviews whose written answer is submitted through the candidate's own code. */
async function submitTextAnswers(count: number) {
  const db = getDb();
  const org = await makeOrg("Runners");
  await makeUser({ role: "HR", orgId: org.id });
  const { template, version, questions } = await fixtureTemplate(org.id);
  const question = questions.find((q) => q.type === "TEXT")!;
  const text = interviewFixture.candidates.find((c) => c.key === "strong")!.answers[question.key]!;
  const invitations = await Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const { token, hash } = createInvitationToken();
      const invitation = await db.invitation.create({
        data: {
          organizationId: org.id,
          templateId: template.id,
          templateVersionId: version.id,
          candidateName: `Candidate ${i}`,
          candidateEmail: `candidate${i}@example.com`,
          tokenHash: hash,
          status: "IN_PROGRESS",
          expiresAt: new Date(Date.now() + 14 * 24 * 3600 * 1000),
          consentAt: new Date(),
          startedAt: new Date(),
        },
      });
      const response = await db.response.create({ data: { invitationId: invitation.id, questionId: question.id, position: 0, type: "TEXT" } });
      return { token, responseId: response.id };
    }),
  );
  for (const { token, responseId } of invitations) await submitText(db, { token, responseId, text });
  return org;
}

type Interval = { runId: string; from: number; to: number };

/** Each run's span from its claim to its last step, read from the attempts each runner logged. */
function spans(runs: JobRun[]): Interval[] {
  return runs.map((run) => {
    const log = readAttemptLog(run.attemptLog);
    return { runId: run.id, from: Math.min(...log.map((a) => Date.parse(a.startedAt))), to: Math.max(...log.map((a) => Date.parse(a.endedAt ?? a.startedAt))) };
  });
}

function mostAtOnce(intervals: Interval[]): number {
  // Ends sort before starts at the same instant: a slot freed is a slot free.
  const edges = intervals
    .flatMap((i) => [
      { at: i.from, delta: 1 },
      { at: i.to, delta: -1 },
    ])
    .sort((a, b) => a.at - b.at || a.delta - b.delta);
  let now = 0;
  let most = 0;
  for (const e of edges) most = Math.max(most, (now += e.delta));
  return most;
}

describe("several runner processes on one real PostgreSQL", () => {
  it("process 30 answers with each step executed once and PIPELINE_CONCURRENCY held across the processes", async () => {
    const runners = ["node-a", "node-b", "node-c"].map(startRunner);
    await Promise.all(runners.map((r) => r.started));
    await submitTextAnswers(30);
    await until("every run to finish", 300_000, allDone);
    await Promise.all(runners.map((r) => stopRunner(r.child)));

    const runs = await getDb().jobRun.findMany();
    const pipeline = runs.filter((r) => r.functionId.endsWith("process-response"));
    expect(pipeline).toHaveLength(30);
    for (const run of runs) {
      const log = readAttemptLog(run.attemptLog);
      // One attempt per step, each completed, by whichever process claimed the run.
      expect(
        log.map((a) => a.outcome),
        `${run.functionId} ${run.id}`,
      ).toEqual(log.map(() => expect.stringMatching(/^(completed|slept)$/)));
      const named = log.map((a) => a.step).filter((s) => s !== null);
      expect(new Set(named).size, `${run.functionId} ${run.id} ran a step twice: ${named.join(", ")}`).toBe(named.length);
      for (const step of Object.values(run.steps as Record<string, { attempts: number }>)) expect(step.attempts).toBe(1);
    }
    expect(new Set(runs.map((r) => `${r.functionId} ${r.eventId}`)).size).toBe(runs.length);
    expect(output).not.toMatch(/step answered twice/);

    expect(mostAtOnce(spans(pipeline))).toBeLessThanOrEqual(PIPELINE_CONCURRENCY);
    // More than one process took part, so the limit above held across processes.
    const identities = new Set(pipeline.flatMap((r) => readAttemptLog(r.attemptLog).map((a) => a.owner.split("#")[0])));
    expect(identities.size).toBeGreaterThan(1);
    expect(await getDb().analysis.count({ where: { responseId: null, status: "COMPLETE" } })).toBe(30);
  }, 400_000);

  it("gives a run whose runner was killed mid-step to another runner, which finishes it", async () => {
    const org = await makeOrg("Takeover");
    const hr = await makeUser({ role: "HR", orgId: org.id });
    const runners = new Map(["node-d", "node-e"].map((id) => [id, startRunner(id)]));
    await Promise.all([...runners.values()].map((r) => r.started));
    const { invitationId, responses } = await submitFixtureInterview({ candidate: "weak", organizationId: org.id, createdById: hr.id });

    // The SDK runs a step in the request that reaches it, so "in the middle of transcribe" is a run
    // whose media step is memoized and whose transcription is not yet.
    const victim = await until("a runner to be transcribing an answer", 240_000, async () => {
      const running = await getDb().jobRun.findMany({ where: { functionId: { endsWith: "process-response" }, status: "RUNNING" } });
      return running.find((r) => {
        const names = Object.values(r.steps as Record<string, { name: string }>).map((step) => step.name);
        return names.includes("process-media") && !names.includes("transcribe");
      });
    });
    const killedIdentity = victim.owner!.split("#")[0]!;
    crash(runners.get(killedIdentity)!.child);
    const survivor = [...runners.keys()].find((id) => id !== killedIdentity)!;

    await until("the survivor to take the run over", 60_000, async () =>
      (await getDb().jobRun.findUniqueOrThrow({ where: { id: victim.id } })).owner?.startsWith(`${survivor}#`),
    );
    await until("the analysis", 300_000, () => getDb().analysis.findFirst({ where: { invitationId, responseId: null, status: "COMPLETE" } }));
    await until("every run to finish", 120_000, allDone);
    await stopRunner(runners.get(survivor)!.child);

    const resumed = await getDb().jobRun.findUniqueOrThrow({ where: { id: victim.id } });
    expect(resumed.status).toBe("COMPLETED");
    const log = readAttemptLog(resumed.attemptLog);
    // The killed runner's attempt was cut short; the survivor ran the step again and finished the run.
    const cut = log.filter((a) => a.outcome === "running");
    expect(cut).toHaveLength(1);
    expect(cut[0]!.owner.startsWith(`${killedIdentity}#`)).toBe(true);
    expect(log.filter((a) => a.owner.startsWith(`${survivor}#`)).every((a) => a.outcome === "completed")).toBe(true);
    expect(output).toMatch(
      new RegExp(`took over run ${victim.id} \\([^)]*process-response\\) (at|after) step \\\\?"(transcribe|process-media)\\\\?" from ${killedIdentity}#`),
    );
    for (const r of responses.filter((x) => x.type === "VIDEO")) expect(await getDb().transcript.count({ where: { responseId: r.id } })).toBe(1);
    expect(await getDb().analysis.count({ where: { invitationId, responseId: null } })).toBe(1);
    expect(await getDb().notification.count({ where: { userId: hr.id } })).toBe(1);
  }, 600_000);
});
