// Web page budgets (issue 10): first-load JavaScript per route, and Lighthouse performance and
// accessibility on the pages candidates and HR open most.
//
//   npm run bench:web                 # npm run build, then measure
//   npm run bench:web -- --no-build   # measure the existing .next build
//
// First-load JS: Next 16 no longer prints per-route sizes, so they are computed from the build's
// manifests the way earlier versions printed them. A route's first load is the shared bootstrap
// (`rootMainFiles` of .next/build-manifest.json: the Turbopack runtime, React and the router) plus
// every chunk its client reference manifest
// (.next/server/app/<entry>_client-reference-manifest.js) lists in `entryJSFiles` for the route's
// layouts, page and error boundary, each chunk counted once and gzipped at level 9. Polyfills are
// left out (`nomodule`: modern browsers skip them), as are chunks loaded later by dynamic imports.
// Sizes are in kB of 1000 bytes, as Next printed them.
//
// Lighthouse: the production server (`scripts/launch.ts start`) on a fresh embedded database with
// the demo seed and dev tools, on ports of its own (BENCH_WEB_PORT, default 3700;
// BENCH_WEB_DB_PORT, default 55200) so a dev server or a browser test run can share the machine.
// HR pages are measured signed in as the seeded HR: DEV_TOOLS=on enables the one-click sign-in
// route in production mode, and its session cookie goes with every request Lighthouse makes. The
// candidate link comes from the app itself: HR sends an invitation through tRPC and the link is
// read from the dev mailbox's stored email. Lighthouse runs its default configuration, which is
// the mobile preset (a Moto G Power screen, simulated slow 4G and 4× CPU slowdown), in Debian's
// Chromium (CHROMIUM_PATH, default /usr/bin/chromium), headless; each page is measured
// BENCH_WEB_RUNS times (default 3) and the median performance score is reported, because the
// simulated timings follow the load on the machine.
//
// Targets: the candidate's interview page ≤ 150 kB of first-load JS, performance ≥ 95,
// accessibility 100; every other page ≤ 250 kB, performance ≥ 90, accessibility 100. Exit code 1
// on any miss.
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import vm from "node:vm";
import { gzipSync } from "node:zlib";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { appEnv, startProductionApp } from "./production-app";

const root = process.cwd();
const nextDir = path.join(root, ".next");
const PORT = Number(process.env.BENCH_WEB_PORT ?? 3700);
const DB_PORT = Number(process.env.BENCH_WEB_DB_PORT ?? 55200);
const BASE_URL = `http://localhost:${PORT}`;
const RUNS = Math.max(1, Number(process.env.BENCH_WEB_RUNS ?? 3));
const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const START_TIMEOUT_MS = 180_000;
const HR_EMAIL = "hr@example.com";
const SEEDED_TEMPLATE = "Senior Backend Engineer";

type Budget = { maxKb: number; minPerformance: number; minAccessibility: number };
const CANDIDATE_BUDGET: Budget = { maxKb: 150, minPerformance: 95, minAccessibility: 100 };
const HR_BUDGET: Budget = { maxKb: 250, minPerformance: 90, minAccessibility: 100 };

// Same reasons as the browser tests' launcher: no sandbox as root, and nothing calling home
// from a machine with no internet.
const CHROME_FLAGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

async function build(): Promise<void> {
  const started = Date.now();
  console.log("npm run build ...");
  const child = spawn("npm", ["run", "build"], { cwd: root, env: appEnv({}), stdio: "inherit" });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", resolve);
  });
  if (code !== 0) throw new Error(`npm run build failed (exit ${code})`);
  console.log(`built in ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
}

type Chunk = { file: string; bytes: number };
type RouteJs = { route: string; bytes: number; chunks: Chunk[] };
// What every page loads before its own code: the bootstrap and the root layout's chunks.
type Base = { bootstrap: Chunk[]; rootLayout: Chunk[] };

async function firstLoadJs(): Promise<{ routes: RouteJs[]; base: Base }> {
  const buildManifest = JSON.parse(await readFile(path.join(nextDir, "build-manifest.json"), "utf8")) as { rootMainFiles: string[] };
  const routes = JSON.parse(await readFile(path.join(nextDir, "app-path-routes-manifest.json"), "utf8")) as Record<string, string>;
  const gzipped = new Map<string, number>();
  const sizeOf = (file: string) => {
    let bytes = gzipped.get(file);
    if (bytes === undefined) {
      bytes = gzipSync(readFileSync(path.join(nextDir, file)), { level: 9 }).length;
      gzipped.set(file, bytes);
    }
    return bytes;
  };

  const out: RouteJs[] = [];
  let rootLayout: string[] = [];
  for (const [entry, route] of Object.entries(routes)) {
    // Route handlers (api/*, icons) ship no client JavaScript and have no client reference manifest.
    const manifestFile = path.join(nextDir, "server", "app", `${entry}_client-reference-manifest.js`);
    if (!entry.endsWith("/page") || !existsSync(manifestFile)) continue;
    const sandbox: { __RSC_MANIFEST?: Record<string, { entryJSFiles: Record<string, string[]> }> } = {};
    vm.runInNewContext(await readFile(manifestFile, "utf8"), sandbox);
    const manifest = sandbox.__RSC_MANIFEST?.[entry];
    if (!manifest) throw new Error(`${path.relative(root, manifestFile)} has no entry for ${entry}`);
    rootLayout = manifest.entryJSFiles["[project]/app/layout"] ?? rootLayout;
    const files = new Set([...buildManifest.rootMainFiles, ...Object.values(manifest.entryJSFiles).flat()]);
    const chunks = [...files].map((file) => ({ file, bytes: sizeOf(file) })).sort((a, b) => b.bytes - a.bytes);
    out.push({ route, bytes: chunks.reduce((sum, c) => sum + c.bytes, 0), chunks });
  }
  const chunks = (files: string[]) => files.map((file) => ({ file, bytes: sizeOf(file) }));
  return {
    routes: out.sort((a, b) => a.route.localeCompare(b.route)),
    base: { bootstrap: chunks(buildManifest.rootMainFiles), rootLayout: chunks(rootLayout) },
  };
}

async function signInAsHr(): Promise<string> {
  const response = await fetch(`${BASE_URL}/api/dev/sign-in`, {
    method: "POST",
    body: new URLSearchParams({ email: HR_EMAIL }),
    redirect: "manual",
  });
  await response.body?.cancel();
  const session = response.headers.getSetCookie().find((c) => c.includes("session-token="));
  if (!session) throw new Error(`The dev sign-in answered ${response.status} without a session cookie: is DEV_TOOLS=on honoured?`);
  return session.split(";")[0]!;
}

async function trpc<T>(cookie: string, procedure: string, input: unknown, method: "GET" | "POST"): Promise<T> {
  const wire = JSON.stringify({ json: input });
  const url = `${BASE_URL}/api/trpc/${procedure}${method === "GET" ? `?input=${encodeURIComponent(wire)}` : ""}`;
  const response = await fetch(url, {
    method,
    headers: { cookie, ...(method === "POST" ? { "content-type": "application/json" } : {}) },
    ...(method === "POST" ? { body: wire } : {}),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${procedure} answered ${response.status}: ${text.slice(0, 500)}`);
  return (JSON.parse(text) as { result: { data: { json: T } } }).result.data.json;
}

async function seededTemplateId(cookie: string): Promise<string> {
  const { items } = await trpc<{ items: { id: string; title: string }[] }>(cookie, "templates.list", { query: SEEDED_TEMPLATE }, "GET");
  const template = items.find((t) => t.title === SEEDED_TEMPLATE);
  if (!template) throw new Error(`The seeded template "${SEEDED_TEMPLATE}" is missing`);
  return template.id;
}

async function html(url: string): Promise<string> {
  const response = await fetch(url);
  const body = await response.text();
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}`);
  return body;
}

// Through the app, as HR would: the invitation is sent, and its link read from the email the dev
// mailbox keeps (only a hash of the token is stored, so the email is the one place it exists).
async function inviteCandidate(cookie: string, templateId: string): Promise<string> {
  const email = `bench-web-${Date.now()}@example.com`;
  await trpc(cookie, "invitations.create", { templateId, candidates: { mode: "one", name: "Ada Moreno", email } }, "POST");
  const list = await html(`${BASE_URL}/dev/mailbox?to=${encodeURIComponent(email)}`);
  const message = list.match(/\/dev\/mailbox\/[A-Za-z0-9_-]+/)?.[0];
  if (!message) throw new Error(`No email to ${email} in the dev mailbox`);
  const link = (await html(`${BASE_URL}${message}`)).match(/\/i\/[A-Za-z0-9_-]+/)?.[0];
  if (!link) throw new Error(`No interview link in ${message}`);
  return link;
}

type Page = { name: string; path: string; route: string; budget: Budget; signedIn: boolean };
type Scores = { performance: number; accessibility: number; scriptTransferKb: number; lcpMs: number; tbtMs: number; benchmarkIndex: number };

async function audit(port: number, url: string, cookie: string | null): Promise<Scores> {
  const result = await lighthouse(url, {
    port,
    output: "json",
    logLevel: "error",
    onlyCategories: ["performance", "accessibility"],
    ...(cookie ? { extraHeaders: { Cookie: cookie } } : {}),
  });
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const { lhr } = result;
  if (lhr.runtimeError) throw new Error(`Lighthouse on ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  const final = new URL(lhr.finalDisplayedUrl);
  if (final.pathname !== new URL(url).pathname) throw new Error(`${url} ended at ${final.pathname}: not signed in, or the page moved`);
  const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
  const summary = lhr.audits["resource-summary"]?.details;
  const items = summary && "items" in summary ? (summary.items as { resourceType?: string; transferSize?: number }[]) : [];
  return {
    performance: score("performance"),
    accessibility: score("accessibility"),
    scriptTransferKb: (items.find((i) => i.resourceType === "script")?.transferSize ?? 0) / 1000,
    lcpMs: lhr.audits["largest-contentful-paint"]?.numericValue ?? 0,
    tbtMs: lhr.audits["total-blocking-time"]?.numericValue ?? 0,
    benchmarkIndex: lhr.environment.benchmarkIndex,
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

async function main() {
  const noBuild = process.argv.includes("--no-build");
  if (noBuild && existsSync(path.join(nextDir, "BUILD_ID"))) console.log("--no-build: measuring the existing .next build\n");
  else await build();

  const js = await firstLoadJs();
  const byRoute = new Map(js.routes.map((r) => [r.route, r]));
  console.log("First-load JS per route (gzip -9, kB):");
  for (const r of js.routes) console.log(`  ${(r.bytes / 1000).toFixed(1).padStart(7)}  ${r.route}`);
  const kbOf = (chunks: Chunk[]) => (chunks.reduce((sum, c) => sum + c.bytes, 0) / 1000).toFixed(1);
  const list = (chunks: Chunk[]) => [...chunks].sort((a, b) => b.bytes - a.bytes).map((c) => `${path.basename(c.file)} ${(c.bytes / 1000).toFixed(1)}`);
  console.log(`  every page: bootstrap (rootMainFiles) ${kbOf(js.base.bootstrap)} kB: ${list(js.base.bootstrap).join(", ")}`);
  console.log(`  every page: root layout (app/layout.tsx) ${kbOf(js.base.rootLayout)} kB: ${list(js.base.rootLayout).join(", ")}\n`);

  const dataDir = await mkdtemp(path.join(os.tmpdir(), "bench-web-"));
  const app = await startProductionApp({
    root,
    port: PORT,
    dbPort: DB_PORT,
    dataDir,
    log: path.join(dataDir, "app.log"),
    startTimeoutMs: START_TIMEOUT_MS,
    portTakenHint: "stop it or set BENCH_WEB_PORT.",
  });
  let chrome: chromeLauncher.LaunchedChrome | undefined;
  try {
    const cookie = await signInAsHr();
    const templateId = await seededTemplateId(cookie);
    const interviewLink = await inviteCandidate(cookie, templateId);
    const pages: Page[] = [
      { name: "candidate interview", path: interviewLink, route: "/i/[token]", budget: CANDIDATE_BUDGET, signedIn: false },
      { name: "sign-in", path: "/sign-in", route: "/sign-in", budget: HR_BUDGET, signedIn: false },
      { name: "dashboard", path: "/dashboard", route: "/dashboard", budget: HR_BUDGET, signedIn: true },
      { name: "template", path: `/templates/${templateId}`, route: "/templates/[id]", budget: HR_BUDGET, signedIn: true },
      { name: "comparison", path: `/templates/${templateId}/compare`, route: "/templates/[id]/compare", budget: HR_BUDGET, signedIn: true },
      { name: "search", path: "/search", route: "/search", budget: HR_BUDGET, signedIn: true },
    ];

    await mkdir(path.join(dataDir, "chrome"));
    chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: CHROME_FLAGS, userDataDir: path.join(dataDir, "chrome") });
    // The first load of each page compiles nothing in production, but fills the server's caches
    // and the database's buffers; a warm-up run keeps that out of the first measurement.
    for (const page of pages) await audit(chrome.port, `${BASE_URL}${page.path}`, page.signedIn ? cookie : null);

    const results: { page: Page; scores: Scores }[] = [];
    for (const page of pages) {
      const runs: Scores[] = [];
      for (let i = 0; i < RUNS; i++) runs.push(await audit(chrome.port, `${BASE_URL}${page.path}`, page.signedIn ? cookie : null));
      const scores: Scores = {
        performance: median(runs.map((r) => r.performance)),
        // The worst run: an accessibility finding that shows up once is a finding.
        accessibility: Math.min(...runs.map((r) => r.accessibility)),
        scriptTransferKb: median(runs.map((r) => r.scriptTransferKb)),
        lcpMs: median(runs.map((r) => r.lcpMs)),
        tbtMs: median(runs.map((r) => r.tbtMs)),
        benchmarkIndex: median(runs.map((r) => r.benchmarkIndex)),
      };
      results.push({ page, scores });
      console.log(`  ${page.name}: performance ${runs.map((r) => r.performance).join(", ")}; accessibility ${runs.map((r) => r.accessibility).join(", ")}`);
    }

    console.log(`\nLighthouse ${RUNS} run(s) per page, mobile preset, median performance (load average ${os.loadavg()[0]!.toFixed(2)}):`);
    console.log("  page                 route                     JS kB  target  perf  target  a11y  target  LCP s  TBT ms  JS sent kB  verdict");
    let pass = true;
    for (const { page, scores } of results) {
      const kb = (byRoute.get(page.route)?.bytes ?? Number.NaN) / 1000;
      const perf = scores.performance;
      const ok = kb <= page.budget.maxKb && perf >= page.budget.minPerformance && scores.accessibility >= page.budget.minAccessibility;
      pass &&= ok;
      console.log(
        `  ${page.name.padEnd(20)} ${page.route.padEnd(24)} ${kb.toFixed(1).padStart(6)}  ≤${page.budget.maxKb}  ${String(perf).padStart(4)}  ≥${page.budget.minPerformance}    ${String(scores.accessibility).padStart(4)}  ${page.budget.minAccessibility}    ${(scores.lcpMs / 1000).toFixed(1).padStart(5)}  ${Math.round(scores.tbtMs).toString().padStart(6)}  ${scores.scriptTransferKb.toFixed(1).padStart(10)}  ${ok ? "PASS" : "FAIL"}`,
      );
    }
    console.log(`  Lighthouse benchmarkIndex (median): ${median(results.map((r) => r.scores.benchmarkIndex)).toFixed(0)}`);
    console.log("\nFirst-load chunks of the measured routes beyond the bootstrap and root layout (gzip kB):");
    const base = new Set([...js.base.bootstrap, ...js.base.rootLayout].map((c) => c.file));
    for (const { page } of results) {
      const own = byRoute.get(page.route)?.chunks.filter((c) => !base.has(c.file)) ?? [];
      console.log(`  ${page.route}: ${kbOf(own)} kB: ${list(own).join(", ")}`);
    }
    console.log(pass ? "\nPASS" : "\nFAIL");
    process.exitCode = pass ? 0 : 1;
  } finally {
    chrome?.kill();
    await app.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

await main();
