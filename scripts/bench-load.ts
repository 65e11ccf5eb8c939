// npm run bench:load: a hiring campaign on one node. Starts the production build
// (`scripts/launch.ts start`) on a fresh embedded database for each N, creates N invitations, and
// drives N virtual candidates the way the candidate's page does: their start times spread over
// the first second, each records one answer at real pace (one chunk a second, 60 chunks of about
// 125 KB of a real VP8 + Opus WebM), uploading each chunk as it is "recorded", then completes the
// upload and submits, so all submits land within the same few seconds. A 429 or 503 is waited
// out for its Retry-After and repeated, as the page does; anything else counts as an error.
// Prints per N: chunk p50/p95/max, complete and submit p50/p95, errors, requests slowed down,
// the server's peak RSS and mean CPU (all processes of the app), whether every stored file is
// byte for byte what was sent, and how long until every interview was analysed.
//
//   npm run bench:load                       # N = 15, 30, 60, 100
//   npm run bench:load -- --n 15,30          # some N only
//   SKIP_BUILD=1 npm run bench:load          # reuse .next
// BENCH_LOAD_PORT / BENCH_LOAD_DB_PORT (default 3610 / 55410) move the app; BENCH_LOAD_SECONDS
// (default 60) the recording length; BENCH_LOAD_ANALYSIS_WAIT_S (default 1800) how long to wait
// for the analyses.

import { spawnSync } from "node:child_process";
import { createHash, randomUUID } from "node:crypto";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { createInvitationToken } from "@/server/invitations/token";
import { appEnv, startProductionApp } from "./production-app";

const root = process.cwd();
const PORT = Number(process.env.BENCH_LOAD_PORT ?? 3610);
const DB_PORT = Number(process.env.BENCH_LOAD_DB_PORT ?? 55410);
const BASE_URL = `http://localhost:${PORT}`;
const DB_URL = `postgresql://postgres:postgres@127.0.0.1:${DB_PORT}/postgres?sslmode=disable`;
const SECONDS = Math.max(2, Number(process.env.BENCH_LOAD_SECONDS ?? 60));
const ANALYSIS_WAIT_MS = Number(process.env.BENCH_LOAD_ANALYSIS_WAIT_S ?? 1800) * 1000;
const START_TIMEOUT_MS = 180_000;
// Distinct recordings (different tones and patterns), dealt round-robin: a file stored under the
// wrong candidate shows unless both drew the same one.
const DISTINCT_FILES = 5;

type Sample = { ms: number };
type Candidate = { index: number; token: string; invitationId: string; responseId: string; file: Buffer; sha256: string };
type CandidateResult = { chunkMs: number[]; completeMs: number | null; submitMs: number | null; submittedAt: number | null; errors: string[]; slowed: number };

function argList(): number[] {
  const at = process.argv.indexOf("--n");
  const raw = at >= 0 ? process.argv[at + 1] : "15,30,60,100";
  const list = (raw ?? "").split(",").map((v) => Number(v.trim()));
  if (!list.length || list.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`--n takes whole numbers separated by commas, not "${raw}".`);
  return list;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

function build(): void {
  if (process.env.SKIP_BUILD === "1" && existsSync(path.join(root, ".next"))) {
    console.log("SKIP_BUILD=1: using the existing .next build");
    return;
  }
  console.log("npm run build ...");
  const result = spawnSync("npm", ["run", "build"], { cwd: root, env: appEnv({}), stdio: "inherit" });
  if (result.status !== 0) throw new Error(`npm run build exited with ${result.status}`);
}

/**
 * The recordings, made with Debian's ffmpeg (VP8 + Opus like Chromium's, about 1 Mbit/s) once
 * and kept in .test-data/bench-load: encoding them takes minutes on a small machine.
 */
function makeRecordings(dir: string): Buffer[] {
  const files: Buffer[] = [];
  for (let i = 0; i < DISTINCT_FILES; i++) {
    const file = path.join(dir, `answer-${SECONDS}s-${i}.webm`);
    if (existsSync(file)) {
      files.push(readFileSync(file));
      continue;
    }
    const made = spawnSync(
      "ffmpeg",
      [
        ...["-hide_banner", "-loglevel", "error"],
        ...["-f", "lavfi", "-i", `testsrc2=size=640x480:rate=24`, "-f", "lavfi", "-i", `sine=frequency=${220 + 110 * i}:sample_rate=48000`],
        ...["-t", String(SECONDS), "-c:v", "libvpx", "-b:v", "950k", "-deadline", "realtime", "-cpu-used", "8", "-c:a", "libopus", "-b:a", "48k"],
        ...["-f", "webm", file],
      ],
      { stdio: ["ignore", "ignore", "pipe"] },
    );
    if (made.status !== 0) throw new Error(`ffmpeg could not make a recording: ${made.stderr.toString()}`);
    files.push(readFileSync(file));
  }
  return files;
}

function startApp(dataDir: string) {
  return startProductionApp({
    root,
    port: PORT,
    dbPort: DB_PORT,
    dataDir,
    log: path.join(dataDir, "app.log"),
    startTimeoutMs: START_TIMEOUT_MS,
    portTakenHint: "stop it or set BENCH_LOAD_PORT.",
    devTools: false,
    env: { STORAGE_DIR: path.join(dataDir, "storage") },
  });
}

/** RSS and CPU time of every process in the app's process group (launcher, Next server, workers, ffmpeg children). */
function groupUsage(pgid: number): { rssBytes: number; cpuTicks: number } {
  let rssBytes = 0;
  let cpuTicks = 0;
  const page = 4096;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, "utf8");
    } catch {
      continue;
    }
    // Fields after the command name, which sits in parentheses and may hold spaces.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (Number(fields[2]) !== pgid) continue;
    cpuTicks += Number(fields[11]) + Number(fields[12]);
    rssBytes += Number(fields[21]) * page;
  }
  return { rssBytes, cpuTicks };
}

function monitor(pgid: number) {
  const ticksPerSecond = 100;
  const first = groupUsage(pgid);
  const startedAt = Date.now();
  let peakRss = first.rssBytes;
  let last = first;
  const timer = setInterval(() => {
    last = groupUsage(pgid);
    peakRss = Math.max(peakRss, last.rssBytes);
  }, 500);
  return () => {
    clearInterval(timer);
    const seconds = (Date.now() - startedAt) / 1000;
    return { peakRssMiB: peakRss / 1024 / 1024, meanCpuPercent: ((last.cpuTicks - first.cpuTicks) / ticksPerSecond / seconds) * 100 };
  };
}

/**
 * A connection of its own to the app's embedded database. The engine takes 4 connections and the
 * app's pool may hold them all for a moment, so a refused connection is tried again.
 */
async function appDb(): Promise<pg.Client> {
  const deadline = Date.now() + 120_000;
  for (let attempt = 0; ; attempt++) {
    const client = new pg.Client({ connectionString: DB_URL, connectionTimeoutMillis: 5_000 });
    client.on("error", () => {});
    try {
      await client.connect();
      await client.query("SELECT 1");
      return client;
    } catch (error) {
      await client.end().catch(() => {});
      if (Date.now() > deadline) throw error;
      await sleep(Math.min(250 * 2 ** attempt, 2_000));
    }
  }
}

async function createCandidates(n: number, files: Buffer[]): Promise<Candidate[]> {
  const db = await appDb();
  try {
    const org = (await db.query<{ id: string }>(`SELECT id FROM organizations WHERE slug = 'acme'`)).rows[0];
    if (!org) throw new Error("The demo organization is missing: is the app running with SEED=on?");
    const suffix = randomUUID();
    const question = {
      id: `q_${suffix}`,
      position: 0,
      prompt: "Tell us about a project you led.",
      type: "VIDEO",
      timeLimitSec: 120,
      thinkTimeSec: 30,
      retakes: 0,
      criteria: "",
      maxChars: null,
    };
    const snapshot = {
      title: "Campaign",
      description: "bench:load",
      rubric: [{ id: "c1", competency: "Clarity", weight: 1, looksFor: "A direct answer" }],
      questions: [question],
    };
    await db.query(
      `INSERT INTO templates (id, "organizationId", title, description, rubric, status, "createdAt", "updatedAt") VALUES ($1, $2, 'Campaign', 'bench:load', $3, 'PUBLISHED', now(), now())`,
      [`tpl_${suffix}`, org.id, JSON.stringify(snapshot.rubric)],
    );
    await db.query(`INSERT INTO template_versions (id, "templateId", version, snapshot, hash, "createdAt") VALUES ($1, $2, 1, $3, $4, now())`, [
      `ver_${suffix}`,
      `tpl_${suffix}`,
      JSON.stringify(snapshot),
      suffix,
    ]);
    const candidates: Candidate[] = [];
    for (let index = 0; index < n; index++) {
      const { token, hash } = createInvitationToken();
      const invitationId = `inv_${suffix}_${index}`;
      const responseId = `res_${suffix}_${index}`;
      await db.query(
        `INSERT INTO invitations (id, "organizationId", "templateId", "templateVersionId", "candidateName", "candidateEmail", "tokenHash", status, "expiresAt", "sentAt", "createdAt", "updatedAt")
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'SENT', now() + interval '14 days', now(), now(), now())`,
        [invitationId, org.id, `tpl_${suffix}`, `ver_${suffix}`, `Candidate ${index + 1}`, `candidate-${index + 1}-${suffix}@example.com`, hash],
      );
      await db.query(
        `INSERT INTO responses (id, "invitationId", "questionId", position, type, status, "takesUsed", "createdAt", "updatedAt")
         VALUES ($1, $2, $3, 0, 'VIDEO', 'PENDING', 0, now(), now())`,
        [responseId, invitationId, question.id],
      );
      const file = files[index % files.length]!;
      candidates.push({ index, token, invitationId, responseId, file, sha256: createHash("sha256").update(file).digest("hex") });
    }
    return candidates;
  } finally {
    await db.end();
  }
}

type Reply = { status: number; body: unknown };

/** One request as the candidate's page makes it: 429/503 waited out for Retry-After and repeated. */
async function request(result: CandidateResult, url: string, init: RequestInit): Promise<Reply & Sample> {
  const started = performance.now();
  for (;;) {
    let response: Response;
    try {
      response = await fetch(url, init);
    } catch (error) {
      return { status: 0, body: String(error), ms: performance.now() - started };
    }
    const text = await response.text();
    if (response.status === 429 || response.status === 503) {
      result.slowed++;
      await sleep(Number(response.headers.get("retry-after") ?? 1) * 1000);
      continue;
    }
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // Left as text for the error message.
    }
    return { status: response.status, body, ms: performance.now() - started };
  }
}

function trpc(result: CandidateResult, procedure: string, input: unknown) {
  return request(result, `${BASE_URL}/api/trpc/${procedure}?batch=1`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ 0: { json: input } }),
  });
}

function trpcData<T>(reply: Reply): T {
  return (reply.body as { result: { data: { json: T } } }[])[0]!.result.data.json;
}

async function runCandidate(c: Candidate, t0: number): Promise<CandidateResult> {
  const result: CandidateResult = { chunkMs: [], completeMs: null, submitMs: null, submittedAt: null, errors: [], slowed: 0 };
  const fail = (what: string, reply: Reply) => {
    result.errors.push(`${what}: HTTP ${reply.status} ${JSON.stringify(reply.body).slice(0, 200)}`);
    return result;
  };
  // Browsers open the link at slightly different moments.
  await sleep(t0 + Math.random() * 1000 - Date.now());
  const startedAt = Date.now();
  const consent = await trpc(result, "interview.consent", { token: c.token, accepted: true });
  if (consent.status !== 200) return fail("consent", consent);
  const started = await trpc(result, "interview.startTake", { token: c.token, responseId: c.responseId });
  if (started.status !== 200) return fail("startTake", started);
  const { take } = trpcData<{ take: number }>(started);
  const headers = { "x-interview-token": c.token };
  const opened = await request(result, `${BASE_URL}/api/uploads`, {
    method: "POST",
    headers: { ...headers, "content-type": "application/json" },
    body: JSON.stringify({ responseId: c.responseId, take, contentType: "video/webm;codecs=vp8,opus" }),
  });
  if (opened.status !== 200) return fail("start upload", opened);
  const { uploadId } = opened.body as { uploadId: string };

  const size = Math.ceil(c.file.length / SECONDS);
  for (let index = 0; index * size < c.file.length; index++) {
    // Chunk i leaves the recorder a second after chunk i - 1.
    await sleep(startedAt + (index + 1) * 1000 - Date.now());
    const chunk = new Uint8Array(c.file.subarray(index * size, (index + 1) * size));
    const put = await request(result, `${BASE_URL}/api/uploads/${uploadId}/chunks/${index}`, {
      method: "PUT",
      headers: { ...headers, "content-type": "application/octet-stream" },
      body: chunk,
    });
    if (put.status !== 200) return fail(`chunk ${index}`, put);
    result.chunkMs.push(put.ms);
  }
  const complete = await request(result, `${BASE_URL}/api/uploads/${uploadId}/complete`, {
    method: "POST",
    headers: { ...headers, "content-type": "application/json" },
    body: JSON.stringify({ durationMs: SECONDS * 1000 }),
  });
  if (complete.status !== 200) return fail("complete", complete);
  result.completeMs = complete.ms;
  const submit = await trpc(result, "interview.submitVideo", { token: c.token, responseId: c.responseId, take });
  if (submit.status !== 200) return fail("submit", submit);
  result.submitMs = submit.ms;
  result.submittedAt = Date.now();
  return result;
}

function percentile(values: number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const ms = (v: number) => (Number.isNaN(v) ? "-" : v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${Math.round(v)} ms`);

/** Every stored recording against the bytes its candidate sent. */
async function verifyStored(candidates: Candidate[], dataDir: string): Promise<{ identical: number; checked: number }> {
  const db = await appDb();
  try {
    const rows = await db.query<{ responseId: string; storageKey: string; storageDriver: string }>(
      `SELECT "responseId", "storageKey", "storageDriver" FROM media_assets WHERE kind = 'RECORDING' AND "responseId" = ANY($1::text[])`,
      [candidates.map((c) => c.responseId)],
    );
    let identical = 0;
    for (const row of rows.rows) {
      if (row.storageDriver !== "local") continue;
      const stored = await readFile(path.join(dataDir, "storage", row.storageKey));
      const c = candidates.find((x) => x.responseId === row.responseId)!;
      if (createHash("sha256").update(stored).digest("hex") === c.sha256) identical++;
    }
    return { identical, checked: candidates.length };
  } finally {
    await db.end();
  }
}

async function waitForAnalyses(candidates: Candidate[], since: number): Promise<{ analysed: number; failed: number; seconds: number }> {
  const db = await appDb();
  try {
    const ids = candidates.map((c) => c.invitationId);
    for (;;) {
      const { rows } = await db.query<{ status: string; count: string }>(
        `SELECT status, count(DISTINCT "invitationId") AS count FROM analyses WHERE "responseId" IS NULL AND "invitationId" = ANY($1::text[]) GROUP BY status`,
        [ids],
      );
      const analysed = Number(rows.find((r) => r.status === "COMPLETE")?.count ?? 0);
      const failed = Number(rows.find((r) => r.status === "FAILED")?.count ?? 0);
      const seconds = (Date.now() - since) / 1000;
      if (analysed + failed >= candidates.length || Date.now() - since > ANALYSIS_WAIT_MS) return { analysed, failed, seconds };
      await sleep(2000);
    }
  } finally {
    await db.end();
  }
}

async function runN(n: number, files: Buffer[]) {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), `bench-load-${n}-`));
  const { pid, stop } = await startApp(dataDir);
  try {
    const candidates = await createCandidates(n, files);
    const usage = monitor(pid);
    const t0 = Date.now() + 500;
    const results = await Promise.all(candidates.map((c) => runCandidate(c, t0)));
    const load = usage();
    const lastSubmit = Math.max(...results.map((r) => r.submittedAt ?? 0));
    const firstSubmit = Math.min(...results.filter((r) => r.submittedAt).map((r) => r.submittedAt!));
    const verified = await verifyStored(candidates, dataDir);
    const chunks = results.flatMap((r) => r.chunkMs);
    const submits = results.flatMap((r) => (r.submitMs === null ? [] : [r.submitMs]));
    const completes = results.flatMap((r) => (r.completeMs === null ? [] : [r.completeMs]));
    const errors = results.flatMap((r) => r.errors);
    console.log(`\nN = ${n}`);
    console.log(`  chunks:   ${chunks.length}  p50 ${ms(percentile(chunks, 50))}  p95 ${ms(percentile(chunks, 95))}  max ${ms(Math.max(...chunks))}`);
    console.log(`  complete: p50 ${ms(percentile(completes, 50))}  p95 ${ms(percentile(completes, 95))}`);
    console.log(
      `  submit:   p50 ${ms(percentile(submits, 50))}  p95 ${ms(percentile(submits, 95))}  (${submits.length} submitted over ${ms(lastSubmit - firstSubmit)})`,
    );
    console.log(
      `  errors:   ${errors.length}${errors.length ? `, first: ${errors[0]}` : ""}; requests told to slow down (429/503, retried): ${results.reduce((s, r) => s + r.slowed, 0)}`,
    );
    console.log(
      `  server:   peak RSS ${load.peakRssMiB.toFixed(0)} MiB, mean CPU ${load.meanCpuPercent.toFixed(0)}% of one core while recording and submitting`,
    );
    console.log(`  stored:   ${verified.identical} of ${verified.checked} recordings byte for byte identical`);
    const analyses = await waitForAnalyses(candidates, lastSubmit);
    console.log(
      `  analysis: ${analyses.analysed} analysed, ${analyses.failed} failed, ${analyses.seconds.toFixed(0)} s after the last submit${analyses.analysed + analyses.failed < n ? ` (stopped waiting after ${ANALYSIS_WAIT_MS / 1000} s)` : ""}`,
    );
  } finally {
    await stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function main() {
  const ns = argList();
  console.log(`bench:load on ${os.availableParallelism()} cores, ${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB; ${SECONDS} s recordings; N = ${ns.join(", ")}`);
  build();
  const dir = path.join(root, ".test-data", "bench-load");
  await mkdir(dir, { recursive: true });
  const files = makeRecordings(dir);
  console.log(`recordings: ${files.map((f) => `${(f.length / 1024).toFixed(0)} KiB`).join(", ")} (${SECONDS} chunks each)`);
  for (const n of ns) await runN(n, files);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
