import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createDb, getDb } from "@/server/db/client";
import { listRuns } from "@/server/pipeline/runs";
import { makeOrg, makeUser } from "../helpers/actors";
import { submitFixtureInterview } from "../fixtures/pipeline";

/**
 * The app dies in the middle of the pipeline and comes back: the background work runs in a child
 * process (the same start-up code as the app's), which is killed with SIGKILL once an answer's
 * media step has finished. The process restarted with the same runner identity takes the run back
 * within seconds (the lease, ten minutes here, plays no part), says so in one log line, resumes it
 * at the step it was in (the finished media step is not run again), and everything ends exactly
 * once: one transcript per answer, one file per kind, one analysis, one notification. The runs
 * page shows the attempt the crash cut short.
 */

const children: ChildProcess[] = [];
// What the runner processes printed, for a failure to show.
let output = "";
const cleanup: (() => Promise<void>)[] = [];
/** Kills the runner's whole process group, as a crash of the machine's process would. */
function crash(child: ChildProcess) {
  try {
    process.kill(-child.pid!, "SIGKILL");
  } catch {
    // Already gone.
  }
}

afterAll(async () => {
  for (const c of children) crash(c);
  for (const fn of cleanup) await fn();
});

function startRunner(): ChildProcess {
  const child = spawn(path.resolve("node_modules/.bin/tsx"), ["tests/helpers/runner-process.ts"], {
    // One pool for the process, within what the embedded engine accepts beside this test.
    // LOG_LEVEL info: the takeover line the test reads is an info line, which tests otherwise leave out.
    env: { ...process.env, NODE_ENV: "test", DATABASE_POOL_MAX: "2", RUNNER_ID: "restart-test", LOG_LEVEL: "info" },
    stdio: ["ignore", "pipe", "pipe"],
    // Its own process group: tsx runs the script in a child process, which a crash must take down too.
    detached: true,
  });
  child.stdout.on("data", (d: Buffer) => (output = (output + d.toString()).slice(-4000)));
  child.stderr.on("data", (d: Buffer) => (output = (output + d.toString()).slice(-4000)));
  children.push(child);
  return child;
}

async function until<T>(what: string, timeoutMs: number, probe: () => Promise<T | null | undefined | false>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    // A look that fails while a runner process is being killed in the middle of its own query is
    // simply taken again; the runners' steps retry the same way.
    const value = await probe().catch((error: unknown) => {
      output = (output + `\nwatcher query failed: ${String(error).split("\n").at(-1)}`).slice(-4000);
      return null;
    });
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; the runner processes printed:\n${output}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

type Steps = Record<string, { name: string; at: string; attempts: number }>;

describe("pipeline across a crash", () => {
  it("resumes a run killed mid-pipeline and finishes it exactly once", async () => {
    const org = await makeOrg("Restart");
    const hr = await makeUser({ role: "HR", orgId: org.id });
    const { invitationId, responses } = await submitFixtureInterview({ candidate: "weak", organizationId: org.id, createdById: hr.id });
    // The embedded engine takes 4 connections: the runner processes get 2, this test watches with 1.
    await getDb().$disconnect();
    const db = createDb(process.env.DATABASE_URL!, 1);
    cleanup.push(() => db.$disconnect());

    const first = startRunner();
    const victim = await until("a media step to finish", 40_000, async () => {
      const runs = await db.jobRun.findMany({ where: { functionId: { endsWith: "process-response" }, status: "RUNNING" } });
      return runs.find((r) => Object.values(r.steps as Steps).some((s) => s.name === "process-media"));
    });
    crash(first);
    await new Promise((resolve) => first.once("exit", resolve));
    const killedAt = Date.now();
    const mediaStep = Object.values(victim.steps as Steps).find((s) => s.name === "process-media")!;

    const second = startRunner();
    let secondOutput = "";
    second.stdout!.on("data", (d: Buffer) => (secondOutput += `${Date.now()} ${d.toString()}`));
    const secondStarted = await until("the second runner to start", 60_000, () => Promise.resolve(/runner (\S+) started/.exec(secondOutput)));
    const startedAt = Date.now();
    const secondOwner = secondStarted[1]!;
    await until(
      "the second runner to take the run back",
      60_000,
      async () => (await db.jobRun.findUniqueOrThrow({ where: { id: victim.id } })).owner === secondOwner,
    );
    expect(Date.now() - startedAt, `${startedAt}\n${secondOutput}`).toBeLessThan(5000);
    expect(
      // The runner logs JSON lines, where the step's quotes are escaped.
      secondOutput.match(new RegExp(`took over run ${victim.id} \\([^)]*process-response\\) after step \\\\?"process-media\\\\?" from restart-test#`, "g")),
    ).toHaveLength(1);
    await until("the analysis", 240_000, () => db.analysis.findFirst({ where: { invitationId, responseId: null, status: "COMPLETE" } }));
    // Scheduled functions' next ticks (a digest tomorrow at 07:00) wait their time: only due runs count.
    await until(
      "every run to finish",
      60_000,
      async () => (await db.jobRun.count({ where: { status: { not: "COMPLETED" }, runAfter: { lte: new Date() } } })) === 0,
    );
    second.kill("SIGTERM");
    await new Promise((resolve) => second.once("exit", resolve));

    const resumed = await db.jobRun.findUniqueOrThrow({ where: { id: victim.id } });
    expect(resumed.status).toBe("COMPLETED");
    const resumedMedia = Object.values(resumed.steps as Steps).find((s) => s.name === "process-media")!;
    // The media step kept its result from before the crash: the new process did not run it again.
    expect(resumedMedia.at).toBe(mediaStep.at);
    expect(new Date(resumedMedia.at).getTime()).toBeLessThan(killedAt);
    expect(resumed.owner).toBeNull();
    expect(resumed.resumedAt).toBeNull();
    // Every attempt is on the runs page: the one the crash cut short under the first incarnation,
    // named after the step run again, then that step's attempt under the second.
    const { runs } = await listRuns(db, { limit: 50 });
    const shown = runs.find((r) => r.id === victim.id)!;
    const cut = shown.attempts.filter((a) => a.outcome === "cut short");
    expect(cut).toHaveLength(1);
    expect(cut[0]!.owner).not.toBe(secondOwner);
    expect(cut[0]!.step).toBe("transcribe");
    expect(shown.attempts.filter((a) => a.step === "transcribe").map((a) => a.outcome)).toEqual(["cut short", "completed"]);
    expect(shown.steps.find((s) => s.name === "transcribe")!.attempts).toBe(2);
    expect(shown.steps.find((s) => s.name === "process-media")!.attempts).toBe(1);

    expect(await db.jobRun.count({ where: { functionId: { endsWith: "process-response" } } })).toBe(responses.length);
    expect(await db.jobRun.count({ where: { functionId: { endsWith: "analyze-interview" } } })).toBe(1);
    for (const r of responses.filter((x) => x.type === "VIDEO")) {
      expect(await db.transcript.count({ where: { responseId: r.id } })).toBe(1);
      const kinds = (await db.mediaAsset.findMany({ where: { responseId: r.id }, select: { kind: true } })).map((a) => a.kind).sort();
      // MediaRecorder's WebM gets a seekable, remuxed playback copy (issue 14).
      expect(kinds).toEqual(["AUDIO", "PLAYBACK", "RECORDING", "THUMBNAIL"]);
    }
    expect(await db.analysis.count({ where: { invitationId, responseId: null } })).toBe(1);
    expect(await db.notification.count({ where: { userId: hr.id } })).toBe(1);
  }, 400_000);
});
