// npm run bench:api — HR's list procedures on one large organization, on both engines.
//
// Seeds one organization with BENCH_SIZE (scripts/bench-api-seed.ts: 200 templates, 10 000
// invitations, 100 000 answers with transcripts, an analysis per completed interview; one template
// with 500 completed, analysed candidates) by set-based SQL, then calls each procedure through the
// app's own tRPC caller, as the signed-in owner, BENCH_API_ROUNDS times (50 by default) after 5
// warm-up calls, and prints p50/p95 per procedure and PASS or FAIL against the targets (p95 < 50 ms
// for lists and the review page, < 150 ms for the comparison and the dashboard).
//
// Engines: the embedded PGlite (in memory, in this process) always; a real PostgreSQL server when
// TEST_DATABASE_URL names one (a database is made on it for the run and dropped after). With
// PostgreSQL 15 and pgvector installed, `tsx scripts/with-postgres.ts npm run bench:api` provides one.
import { spawn } from "node:child_process";
import { performance } from "node:perf_hooks";
import { createSession, sessionCookieName, userFromSessionToken } from "../server/auth/session";
import { createDb, type Db } from "../server/db/client";
import { EMBEDDED_MAX_CONNECTIONS, startEmbeddedPostgres } from "../server/db/embedded";
import { migrate } from "../server/db/migrations";
import { createCaller } from "../server/trpc/root";
import { databaseUrl, withAdmin } from "../tests/helpers/real-postgres-template";
import { BENCH_SIZE, seedOrganization } from "./bench-api-seed";

const ROUNDS = Number(process.env.BENCH_API_ROUNDS ?? 50);
const WARMUP = 5;

process.env.NEXTAUTH_SECRET ??= "bench-secret-bench-secret-bench-secret-0123";
process.env.APP_URL ??= "http://localhost:3000";

type Engine = { name: string; url: string; poolMax: number; stop: () => Promise<void> };

async function embedded(): Promise<Engine> {
  const pg = await startEmbeddedPostgres({});
  return { name: "embedded (PGlite)", url: pg.url, poolMax: EMBEDDED_MAX_CONNECTIONS, stop: pg.stop };
}

async function realServer(serverUrl: string): Promise<Engine> {
  const name = `aivi_bench_${process.pid}`;
  await withAdmin(serverUrl, (c) => c.query(`CREATE DATABASE "${name}"`));
  return {
    name: "PostgreSQL 15",
    url: databaseUrl(serverUrl, name),
    poolMax: 10,
    stop: () => withAdmin(serverUrl, (c) => c.query(`DROP DATABASE "${name}" WITH (FORCE)`)).then(() => {}),
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function measure(call: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  for (let i = 0; i < WARMUP; i += 1) await call();
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i += 1) {
    const start = performance.now();
    await call();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

async function bench(engine: Engine) {
  await migrate(engine.url);
  process.env.DATABASE_URL = engine.url;
  const db: Db = createDb(engine.url, engine.poolMax);
  try {
    const org = await db.organization.create({ data: { name: "Bench", slug: `bench-${Date.now()}`, subscription: { create: { plan: "PRO" } } } });
    const owner = await db.user.create({ data: { email: `owner-${Date.now()}@example.com`, name: "Owner", role: "HR" } });
    await db.membership.create({ data: { userId: owner.id, organizationId: org.id, role: "HR", orgRole: "OWNER" } });
    const seedStart = performance.now();
    const { comparisonTemplateId } = await seedOrganization(db, org.id, owner.id, BENCH_SIZE);
    const seeded = await db.response.count();
    console.info(`${engine.name}: seeded ${seeded} answers in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);

    const { token } = await createSession(db, owner.id);
    const caller = createCaller({ db, headers: new Headers({ cookie: `${sessionCookieName()}=${token}` }), user: await userFromSessionToken(db, token) });
    const review = await db.invitation.findFirstOrThrow({ where: { templateId: comparisonTemplateId }, select: { id: true } });
    const otherTemplate = await db.template.findFirstOrThrow({ where: { organizationId: org.id, id: { not: comparisonTemplateId } }, select: { id: true } });

    const cases: { name: string; target: number; call: () => Promise<unknown> }[] = [
      { name: "invitations.list (first page of 25)", target: 50, call: () => caller.invitations.list({}) },
      { name: "invitations.list status=COMPLETED", target: 50, call: () => caller.invitations.list({ status: "COMPLETED" }) },
      { name: "invitations.list template + status", target: 50, call: () => caller.invitations.list({ templateId: otherTemplate.id, status: "SENT" }) },
      { name: 'invitations.list search "Okafor 77"', target: 50, call: () => caller.invitations.list({ query: "Okafor 77" }) },
      { name: "review.interview (10 answers)", target: 50, call: () => caller.review.interview({ invitationId: review.id }) },
      { name: "analysis.compare (500 candidates)", target: 150, call: () => caller.analysis.compare({ templateId: comparisonTemplateId }) },
      {
        name: "dashboard (overview + billing + inbox)",
        target: 150,
        call: () => Promise.all([caller.organizations.overview(), caller.billing.overview(), caller.review.inbox({ filter: "all" })]),
      },
      { name: 'search.quickFind "Lindqvist"', target: 50, call: () => caller.search.quickFind({ query: "Lindqvist" }) },
    ];
    const rows: string[] = [];
    for (const c of cases) {
      const { p50, p95 } = await measure(c.call);
      rows.push(`| ${c.name} | ${p50.toFixed(1)} | ${p95.toFixed(1)} | < ${c.target} | ${p95 < c.target ? "PASS" : "FAIL"} |`);
    }
    console.info(`\n${engine.name}, ${ROUNDS} calls each after ${WARMUP} warm-up calls (ms):\n`);
    console.info("| procedure | p50 | p95 | p95 target | |\n|---|---|---|---|---|");
    console.info(rows.join("\n"));
  } finally {
    await db.$disconnect();
    await engine.stop();
  }
}

// Each engine in a process of its own: the app's modules keep one database client per process.
const engine = process.env.BENCH_API_ENGINE;
if (engine === "embedded") await bench(await embedded());
else if (engine === "postgres") await bench(await realServer(process.env.TEST_DATABASE_URL!));
else {
  const run = (name: string) =>
    new Promise<void>((resolve, reject) => {
      const child = spawn(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
        stdio: "inherit",
        env: { ...process.env, BENCH_API_ENGINE: name },
      });
      child.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`bench:api on ${name} failed (exit ${code})`))));
    });
  await run("embedded");
  if (process.env.TEST_DATABASE_URL) await run("postgres");
  else console.info("\nPostgreSQL 15: skipped (TEST_DATABASE_URL is not set; `tsx scripts/with-postgres.ts npm run bench:api` starts one).");
}
