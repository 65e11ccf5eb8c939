import { beforeAll, describe, expect, it } from "vitest";
import { evaluate, targets, type SetReport } from "@/scripts/eval/harness";
import { loadSets } from "@/scripts/eval/sets";
import { createOfflineAnalyzer } from "@/server/analysis/offline";

// Issue 9's targets for the offline analyzer on every evaluation set (tests/eval/README.md), from
// the written answers and from their festival speech as PocketSphinx heard it: Spearman >= 0.8
// against the expected order, every strong candidate at "yes" or better, every manipulation
// flagged and scored no higher than the set's weak candidate, every quote verbatim.
// A held-out set's failure names the target it misses, never its figures: whoever builds the
// analyzer must not learn them. `npm run eval:analysis` prints the tuned sets' figures.
const sets = loadSets("all");
const SOURCES = ["text", "speech"] as const;
let reports: SetReport[] = [];

beforeAll(async () => {
  reports = await evaluate(createOfflineAnalyzer(), sets, [...SOURCES]);
}, 300_000);

const groups = [
  { name: "tuned sets", heldOut: false },
  { name: "held-out sets (never tuned on)", heldOut: true },
];

describe.each(groups)("the offline analyzer on the $name", ({ heldOut }) => {
  const cases = sets.filter((s) => s.heldOut === heldOut).flatMap((set) => SOURCES.map((source) => ({ id: set.id, source })));

  it("has sets to evaluate", () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  it.each(cases)("$id from $source meets every target", ({ id, source }) => {
    const report = reports.find((r) => r.setId === id && r.source === source)!;
    if (heldOut) {
      expect(
        Object.entries(targets(report))
          .filter(([, met]) => !met)
          .map(([name]) => name),
      ).toEqual([]);
      return;
    }
    expect.soft(report.spearman, "Spearman").toBeGreaterThanOrEqual(0.8);
    expect
      .soft(report.strongAtLeastYes, 'strong candidates at "yes" or better')
      .toEqual({ hits: report.strongAtLeastYes.total, total: report.strongAtLeastYes.total });
    expect
      .soft(report.manipulationFlagged, "manipulation flagged")
      .toEqual({ hits: report.manipulationFlagged.total, total: report.manipulationFlagged.total });
    expect
      .soft(report.manipulationNotAboveWeak, "manipulation no higher than weak")
      .toEqual({ hits: report.manipulationNotAboveWeak.total, total: report.manipulationNotAboveWeak.total });
    expect.soft(report.quotesVerbatim, "verbatim quotes").toEqual({ hits: report.quotesVerbatim.total, total: report.quotesVerbatim.total });
  });
});
