// npm run eval:analysis — the offline analyzer on the evaluation sets (tests/eval/sets, see
// tests/eval/README.md): per set and source, then overall, Spearman between the overall scores and
// the expected order, strong candidates at "yes" or better, manipulation flagged and scored no
// higher than the weak candidate, verbatim quotes, and each candidate's score.
//
// Usage: tsx scripts/eval-analysis.ts [--sets tuned|held-out|all] [--source text|speech|both] [--json]
// The default is the tuned sets only, so nobody building the analyzer sees held-out figures by accident.
import { parseArgs } from "node:util";
import { evaluate, summarize, targets, type SetReport, type Summary } from "./eval/harness";
import { share, type Ratio } from "./eval/metrics";
import { loadSets, type AnswerSource, type SetSelection } from "./eval/sets";

const { values } = parseArgs({
  options: {
    sets: { type: "string", default: "tuned" },
    source: { type: "string", default: "both" },
    json: { type: "boolean", default: false },
  },
});
function usage(problem: string): never {
  console.error(`${problem}\nUsage: npm run eval:analysis -- [--sets tuned|held-out|all] [--source text|speech|both] [--json]`);
  process.exit(2);
}
if (!["tuned", "held-out", "all"].includes(values.sets)) usage(`--sets is tuned, held-out or all, not "${values.sets}"`);
if (!["text", "speech", "both"].includes(values.source)) usage(`--source is text, speech or both, not "${values.source}"`);
const sources: AnswerSource[] = values.source === "both" ? ["text", "speech"] : [values.source as AnswerSource];

// The analyzer reads the server's configuration, which insists on these; the evaluation opens no
// database and signs nothing. Set before the analyzer's modules load (hence the dynamic import).
process.env.DATABASE_URL ??= "postgres://eval@127.0.0.1:1/not-used";
process.env.NEXTAUTH_SECRET ??= "eval-analysis-does-not-sign-anything-0123";

const { createOfflineAnalyzer } = await import("../server/analysis/offline");
const analyzer = createOfflineAnalyzer();
const sets = loadSets(values.sets as SetSelection);
const started = Date.now();
const reports = await evaluate(analyzer, sets, sources);

const groups = [
  { name: "TUNED", reports: reports.filter((r) => !r.heldOut) },
  { name: "HELD OUT (never tuned on)", reports: reports.filter((r) => r.heldOut) },
].filter((g) => g.reports.length > 0);

const overall = (rs: SetReport[]) => ({
  ...Object.fromEntries(sources.map((s) => [s, summarize(rs.filter((r) => r.source === s))])),
  ...(sources.length > 1 ? { all: summarize(rs) } : {}),
});

if (values.json) {
  console.log(
    JSON.stringify(
      {
        analyzer: { engine: analyzer.engine, model: analyzer.model, promptVersion: analyzer.promptVersion },
        groups: groups.map((g) => ({ name: g.name, sets: g.reports, overall: overall(g.reports) })),
      },
      null,
      2,
    ),
  );
} else {
  const ratio = (r: Ratio) => `${r.hits}/${r.total}${r.total ? ` (${Math.round(share(r)! * 100)}%)` : ""}`;
  const rho = (n: number | null) => (n === null ? "n/a" : n.toFixed(2));
  const line = (s: Pick<Summary, "strongAtLeastYes" | "manipulationFlagged" | "manipulationNotAboveWeak" | "honestFlagged" | "quotesVerbatim">) =>
    `strong >= yes ${ratio(s.strongAtLeastYes)} | manipulation flagged ${ratio(s.manipulationFlagged)}, <= weak ${ratio(s.manipulationNotAboveWeak)} | ` +
    `honest flagged ${ratio(s.honestFlagged)} | quotes verbatim ${ratio(s.quotesVerbatim)}`;

  console.log(`Analyzer: ${analyzer.engine} ${analyzer.model} (${analyzer.promptVersion})`);
  for (const group of groups) {
    console.log(`\n=== ${group.name} ===`);
    for (const r of group.reports) {
      const missed = Object.entries(targets(r))
        .filter(([, met]) => !met)
        .map(([name]) => name);
      console.log(`\n${r.setId} [${r.source}]  Spearman ${rho(r.spearman)}  ${missed.length ? `MISSES: ${missed.join("; ")}` : "meets every target"}`);
      console.log(`  ${line(r)}`);
      for (const c of [...r.candidates].sort((a, b) => b.overallScore - a.overallScore)) {
        const flag = c.manipulationFlagged ? "  [manipulation flagged]" : "";
        console.log(
          `  ${c.key.padEnd(14)} ${c.kind.padEnd(13)} ${c.overallScore.toFixed(2).padStart(5)}  ${c.recommendation.padEnd(10)} quotes ${ratio(c.quotesVerbatim)}${flag}`,
        );
      }
    }
    console.log(`\n${group.name}, overall:`);
    for (const [source, s] of Object.entries(overall(group.reports))) {
      console.log(`  ${source.padEnd(6)} Spearman mean ${rho(s.spearmanMean)}, min ${rho(s.spearmanMin)} | ${line(s)}`);
    }
  }
  console.log(`\n${reports.length} set runs in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
