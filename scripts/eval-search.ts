// npm run eval:search — HR's search on the evaluation sets (scripts/eval/search.ts,
// tests/eval/README.md): top-1 / top-3 / top-10 and MRR per query kind (keywords, phrase,
// paraphrase), tuned sets apart from held-out ones.
//
// Usage: tsx scripts/eval-search.ts [--sets tuned|held-out|all] [--source text|speech] [--verbose]
// The default is the tuned sets, so nobody working on search sees held-out figures by accident;
// --verbose lists each query with where its answer came and, for a tuned set, the first result.
import { parseArgs } from "node:util";
import { startEmbeddedPostgres } from "../server/db/embedded";
import { migrate } from "../server/db/migrations";
import { QUERY_KINDS, type SearchOutcome } from "./eval/search";
import { loadSets, type AnswerSource, type SetSelection } from "./eval/sets";

const { values } = parseArgs({
  options: {
    sets: { type: "string", default: "tuned" },
    source: { type: "string", default: "text" },
    verbose: { type: "boolean", default: false },
  },
});
function usage(problem: string): never {
  console.error(`${problem}\nUsage: npm run eval:search -- [--sets tuned|held-out|all] [--source text|speech] [--verbose]`);
  process.exit(2);
}
if (!["tuned", "held-out", "all"].includes(values.sets)) usage(`--sets is tuned, held-out or all, not "${values.sets}"`);
if (!["text", "speech"].includes(values.source)) usage(`--source is text or speech, not "${values.source}"`);
const source = values.source as AnswerSource;

const pg = await startEmbeddedPostgres({});
await migrate(pg.url);
// The server's modules read their configuration when they load, hence the dynamic imports.
process.env.DATABASE_URL = pg.url;
process.env.NEXTAUTH_SECRET ??= "eval-search-does-not-sign-anything-01234";
const { getDb } = await import("../server/db/client");
const { indexSets, loadSearchQueries, runQueries, summarizeSearch } = await import("./eval/search");
const db = getDb();

// Every set's interviews are in the organization, held out or not, so each query competes with all
// of them; the selection only decides which queries run.
const allSets = loadSets("all");
const shown = new Set(loadSets(values.sets as SetSelection).map((s) => s.id));
const heldOut = new Set(allSets.filter((s) => s.heldOut).map((s) => s.id));
const org = await db.organization.create({ data: { name: "Evaluation", slug: "evaluation" } });
const responseOf = await indexSets(db, org.id, allSets, source);
const outcomes = await runQueries(
  db,
  org.id,
  responseOf,
  loadSearchQueries().filter((q) => shown.has(q.set)),
  heldOut,
);
await db.$disconnect();
await pg.stop();

function line(label: string, os: SearchOutcome[]) {
  const s = summarizeSearch(os);
  const of = (n: number) => `${n}/${s.queries}`.padStart(5);
  console.log(`  ${label.padEnd(12)} top-1 ${of(s.top1)}   top-3 ${of(s.top3)}   top-10 ${of(s.top10)}   MRR ${s.mrr.toFixed(2)}`);
}
console.log(`Search evaluation: ${source === "speech" ? "recognised speech" : "written answers as transcripts"}, ${allSets.length} sets in one organization`);
for (const group of [
  { name: "TUNED", os: outcomes.filter((o) => !o.heldOut) },
  { name: "HELD OUT (never tuned on)", os: outcomes.filter((o) => o.heldOut) },
].filter((g) => g.os.length > 0)) {
  console.log(`\n${group.name}`);
  for (const kind of QUERY_KINDS)
    line(
      kind,
      group.os.filter((o) => o.kind === kind),
    );
  line("all", group.os);
  if (values.verbose) {
    for (const o of group.os) {
      console.log(`    ${String(o.rank ?? "-").padStart(2)}  [${o.kind}] ${o.set}: ${o.query}`);
      // Nobody tuning search reads a held-out set's answers, so a first result from one is not shown.
      const first = o.first === null ? "(nothing)" : heldOut.has(o.first.set) ? `(an answer of a held-out set)` : o.first.text;
      console.log(`        first: ${first}`);
    }
  }
}
