// npm run bench:upload — how fast a recording goes up the real chunked HTTP upload path, compared
// with copying the same file on the same disk, and how much the server's memory grows meanwhile.
//
// The parent process makes a file of random bytes (BENCH_UPLOAD_MIB, 1024 by default), starts an
// embedded Postgres and migrates it, then forks the upload server: a bare node:http server calling
// the app/api/uploads route handlers, in its own process so that its memory is measured alone (it
// samples its RSS every 50 ms). Each round (BENCH_UPLOAD_ROUNDS, 3 by default) times a stream copy
// of the file, then uploads it twice over loopback in 8 MiB chunks, each streamed from disk: once
// waiting for every reply like the browser does, once with the next chunk already on its way.
// Every stored file is checked against the original. Medians are printed, then PASS or FAIL.

import { fork, type ChildProcess } from "node:child_process";
import { createHash, randomFillSync } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import fs from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { fileURLToPath } from "node:url";

const MIB = 1024 * 1024;
const CHUNK = 8 * MIB;
const SAMPLE_MS = 50;

type ServerMessage = { ready: number } | { baseline: number } | { peak: number; baseline: number; samples: number; cpuMs: number };
type ParentMessage = "warmed" | "report";

// ---------------------------------------------------------------- the upload server (child) --

async function runServer(): Promise<void> {
  const [{ POST: start }, { GET: status }, { PUT: chunk }, { POST: complete }] = await Promise.all([
    import("../app/api/uploads/route"),
    import("../app/api/uploads/[uploadId]/route"),
    import("../app/api/uploads/[uploadId]/chunks/[index]/route"),
    import("../app/api/uploads/[uploadId]/complete/route"),
  ]);

  async function route(request: Request): Promise<Response> {
    const { pathname } = new URL(request.url);
    const parts = pathname.split("/").filter(Boolean);
    if (parts[0] !== "api" || parts[1] !== "uploads") return new Response("not found", { status: 404 });
    const uploadId = parts[2];
    if (!uploadId && request.method === "POST") return start(request);
    if (uploadId && parts.length === 3 && request.method === "GET") return status(request, { params: Promise.resolve({ uploadId }) });
    if (uploadId && parts[3] === "chunks" && parts[4] && request.method === "PUT") {
      return chunk(request, { params: Promise.resolve({ uploadId, index: parts[4] }) });
    }
    if (uploadId && parts[3] === "complete" && request.method === "POST") return complete(request, { params: Promise.resolve({ uploadId }) });
    return new Response("not found", { status: 404 });
  }

  const serve = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    try {
      const hasBody = req.method !== "GET" && req.method !== "HEAD";
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
      const request = new Request(`http://127.0.0.1${req.url}`, {
        method: req.method,
        headers,
        body: hasBody ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : undefined,
        duplex: "half",
      } as RequestInit);
      const response = await route(request);
      res.writeHead(response.status, Object.fromEntries(response.headers));
      if (response.body) await pipeline(Readable.fromWeb(response.body as import("node:stream/web").ReadableStream), res);
      else res.end();
    } catch (error) {
      console.error(error);
      res.writeHead(500).end();
    }
  };
  const server = http.createServer((req, res) => void serve(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));

  let baseline = 0;
  let peak = 0;
  let samples = 0;
  let timer: NodeJS.Timeout | undefined;
  let cpuAtBaseline = process.cpuUsage();
  process.on("message", (message: ParentMessage) => {
    if (message === "warmed") {
      // Collected twice so the baseline is what the warmed-up server really holds, not garbage.
      global.gc?.();
      global.gc?.();
      baseline = peak = process.memoryUsage.rss();
      cpuAtBaseline = process.cpuUsage();
      timer = setInterval(() => {
        peak = Math.max(peak, process.memoryUsage.rss());
        samples += 1;
      }, SAMPLE_MS);
      process.send!({ baseline } satisfies ServerMessage);
    } else if (message === "report") {
      clearInterval(timer);
      peak = Math.max(peak, process.memoryUsage.rss());
      const cpu = process.cpuUsage(cpuAtBaseline);
      const cpuMs = (cpu.user + cpu.system) / 1000;
      process.send!({ peak, baseline, samples, cpuMs } satisfies ServerMessage, () => server.close(() => process.exit(0)));
    }
  });
  process.send!({ ready: (server.address() as AddressInfo).port } satisfies ServerMessage);
}

// ----------------------------------------------------------------------- the client (parent) --

async function makeRandomFile(file: string, bytes: number): Promise<void> {
  const block = Buffer.alloc(CHUNK);
  let written = 0;
  const blocks = async function* () {
    while (written < bytes) {
      const size = Math.min(CHUNK, bytes - written);
      randomFillSync(block, 0, size);
      // A WebM file's first bytes, so the server's container check accepts it.
      if (written === 0) Buffer.from([0x1a, 0x45, 0xdf, 0xa3]).copy(block);
      written += size;
      yield Buffer.from(block.subarray(0, size));
    }
  };
  await pipeline(Readable.from(blocks()), createWriteStream(file));
}

async function sha256(file: string): Promise<string> {
  const hash = createHash("sha256");
  await pipeline(createReadStream(file), hash);
  return hash.digest("hex");
}

async function timed<T>(work: () => Promise<T>): Promise<{ seconds: number; value: T }> {
  const started = process.hrtime.bigint();
  const value = await work();
  return { seconds: Number(process.hrtime.bigint() - started) / 1e9, value };
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 2 });

type Answer = { status: number; json: Record<string, unknown> };

/** One request; `sent` settles once the body is handed to the socket, `answered` with the reply. */
function request(port: number, token: string, method: string, pathname: string, body?: { json: unknown } | { file: string; start: number; length: number }) {
  let markSent!: () => void;
  const sent = new Promise<void>((resolve) => {
    markSent = resolve;
  });
  const answered = new Promise<Answer>((resolve, reject) => {
    const headers: Record<string, string | number> = { "x-interview-token": token };
    let payload: Buffer | undefined;
    if (body && "json" in body) {
      payload = Buffer.from(JSON.stringify(body.json));
      Object.assign(headers, { "content-type": "application/json", "content-length": payload.length });
    } else if (body) {
      Object.assign(headers, { "content-type": "application/octet-stream", "content-length": body.length });
    }
    const req = http.request({ host: "127.0.0.1", port, method, path: pathname, headers, agent }, (res) => {
      const parts: Buffer[] = [];
      res.on("data", (part: Buffer) => parts.push(part));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(Buffer.concat(parts).toString() || "{}") as Record<string, unknown> }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.on("finish", markSent);
    if (body && "file" in body) createReadStream(body.file, { start: body.start, end: body.start + body.length - 1, highWaterMark: MIB }).pipe(req);
    else req.end(payload);
  });
  return { sent, answered };
}

function ok(answer: Answer, what: string): Record<string, unknown> {
  if (answer.status !== 200) throw new Error(`${what} answered ${answer.status}: ${JSON.stringify(answer.json)}`);
  return answer.json;
}

/**
 * Uploads `bytes` of `file` as one take. With `inFlight` 2 the next chunk goes out as soon as the
 * previous one's body has been sent, so it crosses the network while the server fsyncs and
 * commits its predecessor (the per-upload lock on the server keeps the appends in order); with 1
 * each chunk waits for the previous reply, as the browser's uploader does.
 */
async function upload(port: number, token: string, responseId: string, file: string, bytes: number, inFlight: 1 | 2) {
  const started = ok(
    await request(port, token, "POST", "/api/uploads", { json: { responseId, take: 1, contentType: "video/webm", declaredSize: bytes } }).answered,
    "start",
  );
  const uploadId = started.uploadId as string;
  const waiting: Promise<unknown>[] = [];
  for (let index = 0, offset = 0; offset < bytes; index += 1, offset += CHUNK) {
    const { sent, answered } = request(port, token, "PUT", `/api/uploads/${uploadId}/chunks/${index}`, {
      file,
      start: offset,
      length: Math.min(CHUNK, bytes - offset),
    });
    waiting.push(answered.then((answer) => ok(answer, `chunk ${index}`)));
    await sent;
    while (waiting.length >= inFlight) await waiting.shift();
  }
  await Promise.all(waiting);
  const done = ok(await request(port, token, "POST", `/api/uploads/${uploadId}/complete`, { json: {} }).answered, "complete");
  return done.asset as { storageKey: string; sizeBytes: number };
}

/** One interview with a video question per upload to make (each upload is the first take of its own answer). */
async function seedInterview(url: string, uploads: number) {
  const { createDb } = await import("../server/db/client");
  const { createInvitationToken } = await import("../server/invitations/token");
  const db = createDb(url, 1);
  const org = await db.organization.create({ data: { name: "Bench", slug: `bench-${Date.now()}` } });
  const questions = Array.from({ length: uploads }, (_, n) => ({
    id: `q${n + 1}`,
    position: n,
    prompt: `Question ${n + 1}`,
    type: "VIDEO" as const,
    timeLimitSec: 600,
    thinkTimeSec: 0,
    retakes: 0,
    maxChars: null,
    criteria: "",
  }));
  const snapshot = { title: "Bench", description: "", rubric: [], questions };
  const template = await db.template.create({ data: { organizationId: org.id, title: "Bench", description: "", rubric: [], status: "PUBLISHED" } });
  const version = await db.templateVersion.create({ data: { templateId: template.id, version: 1, snapshot, hash: "bench" } });
  const { token, hash } = createInvitationToken();
  const invitation = await db.invitation.create({
    data: {
      organizationId: org.id,
      templateId: template.id,
      templateVersionId: version.id,
      candidateName: "Bench",
      candidateEmail: "bench@example.com",
      tokenHash: hash,
      status: "IN_PROGRESS",
      expiresAt: new Date(Date.now() + 24 * 3600 * 1000),
      consentAt: new Date(),
    },
  });
  await db.response.createMany({
    data: questions.map((q) => ({ invitationId: invitation.id, questionId: q.id, position: q.position, type: q.type, takesUsed: 1 })),
  });
  const responses = await db.response.findMany({ where: { invitationId: invitation.id }, orderBy: { position: "asc" } });
  await db.$disconnect();
  return { token, responseIds: responses.map((r) => r.id) };
}

function once<T>(child: ChildProcess, pick: (message: ServerMessage) => T | undefined): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: ServerMessage) => {
      const value = pick(message);
      if (value === undefined) return;
      child.off("message", onMessage);
      resolve(value);
    };
    child.on("message", onMessage);
    child.once("exit", (code) => reject(new Error(`the upload server exited (${code})`)));
  });
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function runBenchmark(): Promise<void> {
  const mib = Number(process.env.BENCH_UPLOAD_MIB ?? 1024);
  const rounds = Number(process.env.BENCH_UPLOAD_ROUNDS ?? 3);
  const bytes = mib * MIB;
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "bench-upload-"));
  const source = path.join(dir, "source.webm");
  const storageDir = path.join(dir, "storage");
  let child: ChildProcess | undefined;
  let stopDb: (() => Promise<void>) | undefined;
  try {
    console.log(`Upload benchmark: ${mib} MiB of random bytes, ${rounds} rounds, in ${dir}`);
    await makeRandomFile(source, bytes);
    const sourceHash = await sha256(source);

    const { startEmbeddedPostgres, EMBEDDED_MAX_CONNECTIONS } = await import("../server/db/embedded");
    const { migrate } = await import("../server/db/migrations");
    const pg = await startEmbeddedPostgres({});
    stopDb = pg.stop;
    await migrate(pg.url);
    const seeded = await seedInterview(pg.url, 1 + 2 * rounds);

    const serverEnv: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: pg.url,
      DATABASE_POOL_MAX: String(EMBEDDED_MAX_CONNECTIONS),
      NEXTAUTH_SECRET: "bench-secret-bench-secret-bench-secret-0",
      APP_URL: "http://127.0.0.1:3000",
      STORAGE_DIR: storageDir,
      UPLOAD_MAX_MB: String(Math.max(mib + 1, 500)),
    };
    // Local disk is what is measured, whatever this shell has configured.
    delete serverEnv.BLOB_READ_WRITE_TOKEN;
    delete serverEnv.UPLOADTHING_TOKEN;
    // --heap-growing-percent=100: this bare server's heap (~72 MiB) sits where V8's adaptive heap
    // growth can settle on ~1.3×, which leaves less headroom than one young generation, so every
    // scavenge restarts a full mark-compact: measured at ~10 s of CPU per GiB and a third of the
    // throughput. A Next.js server's heap is several times larger and clear of that corner; a
    // fixed 2× growth keeps this one clear too (see docs/benchmarks.md).
    const execArgv = ["--import", "tsx", "--expose-gc", "--heap-growing-percent=100"];
    child = fork(fileURLToPath(import.meta.url), ["--server"], { execArgv, env: serverEnv });
    const port = await once(child, (m) => ("ready" in m ? m.ready : undefined));

    // Warm-up: the first requests load Prisma, compile code and open connections, which costs
    // memory once, whatever the file's size.
    const responseIds = [...seeded.responseIds];
    await upload(port, seeded.token, responseIds.shift()!, source, 3 * CHUNK, 1);
    child.send("warmed" satisfies ParentMessage);
    await once(child, (m) => ("baseline" in m && !("peak" in m) ? m.baseline : undefined));

    // Rounds interleave the three measurements, so a burst of load from elsewhere on the machine
    // lands on all of them alike; medians are reported.
    const rates = { copy: [] as number[], serial: [] as number[], pipelined: [] as number[] };
    let identical = true;
    const rate = (seconds: number) => mib / seconds;
    for (let round = 1; round <= rounds; round++) {
      // Both sides write durably: the copy fsyncs once at the end, the upload every chunk.
      const copyTarget = path.join(dir, "copy.webm");
      const copy = await timed(() => pipeline(createReadStream(source), createWriteStream(copyTarget, { flush: true })));
      await fs.rm(copyTarget);
      rates.copy.push(rate(copy.seconds));
      for (const mode of ["serial", "pipelined"] as const) {
        const sent = await timed(() => upload(port, seeded.token, responseIds.shift()!, source, bytes, mode === "serial" ? 1 : 2));
        rates[mode].push(rate(sent.seconds));
        const stored = path.join(storageDir, sent.value.storageKey);
        identical &&= (await sha256(stored)) === sourceHash;
        await fs.rm(stored);
      }
      const fmt = (n: number) => n.toFixed(0).padStart(4);
      console.log(
        `  round ${round}: copy ${fmt(rates.copy.at(-1)!)} MiB/s, upload ${fmt(rates.serial.at(-1)!)} MiB/s (1 chunk in flight), ${fmt(rates.pipelined.at(-1)!)} MiB/s (2 in flight)`,
      );
    }
    child.send("report" satisfies ParentMessage);
    const memory = await once(child, (m) => ("peak" in m ? m : undefined));
    await new Promise((resolve) => (child!.exitCode === null ? child!.once("exit", resolve) : resolve(null)));

    const copyRate = median(rates.copy);
    const serialRate = median(rates.serial);
    const pipelinedRate = median(rates.pipelined);
    const growth = (memory.peak - memory.baseline) / MIB;
    const fmt = (n: number) => n.toFixed(1);
    const pct = (n: number) => `${((n / copyRate) * 100).toFixed(0)}%`;
    console.log(`Medians over ${rounds} rounds, ${Math.ceil(bytes / CHUNK)} × 8 MiB chunks + complete per upload:`);
    console.log(`  stream copy (read → write, fsync):   ${fmt(copyRate)} MiB/s`);
    console.log(`  HTTP upload, 1 chunk in flight:      ${fmt(serialRate)} MiB/s = ${pct(serialRate)} of copy (target ≥ 50%)`);
    console.log(`  HTTP upload, 2 chunks in flight:     ${fmt(pipelinedRate)} MiB/s = ${pct(pipelinedRate)} of copy`);
    console.log(
      `  server RSS: baseline ${fmt(memory.baseline / MIB)} MiB, peak ${fmt(memory.peak / MIB)} MiB, growth ${fmt(growth)} MiB (target < 64 MiB; ${memory.samples} samples every ${SAMPLE_MS} ms)`,
    );
    // CPU time does not depend on what else the machine is running, unlike the rates above.
    console.log(`  server CPU time: ${fmt(memory.cpuMs / 1000 / ((2 * rounds * mib) / 1024))} s per GiB uploaded`);
    console.log(`  stored files identical to the source: ${identical ? "yes" : "NO"}`);
    const pass = serialRate / copyRate >= 0.5 && growth < 64 && identical;
    console.log(pass ? "PASS" : "FAIL");
    process.exitCode = pass ? 0 : 1;
  } finally {
    if (child && child.exitCode === null) child.kill();
    await stopDb?.();
    await fs.rm(dir, { recursive: true, force: true });
  }
}

if (process.argv.includes("--server")) await runServer();
else await runBenchmark();
