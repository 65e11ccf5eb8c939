// Runs an analyzer over the evaluation sets and measures it against each set's expectations. Used
// by `npm run eval:analysis` (scripts/eval-analysis.ts) and tests/integration/analysis-eval.test.ts.
import { answerAnalysisResultSchema, interviewAnalysisResultSchema, type Recommendation } from "../../server/analysis/analysis.schema";
import type { Analyzer } from "../../server/analysis/analyzer";
import { addRatios, atLeast, citedQuotes, ratioOf, spearman, verbatimQuotes, type Ratio } from "./metrics";
import { interviewInput, readTranscripts, type AnswerSource, type CandidateKind, type EvalSet } from "./sets";

export type CandidateOutcome = {
  key: string;
  kind: CandidateKind;
  name: string;
  overallScore: number;
  recommendation: Recommendation;
  manipulationFlagged: boolean;
  quotesVerbatim: Ratio;
};

export type SetReport = {
  setId: string;
  heldOut: boolean;
  source: AnswerSource;
  /** Between the overall scores and the expected order. */
  spearman: number;
  strongAtLeastYes: Ratio;
  manipulationFlagged: Ratio;
  /** Manipulative candidates whose overall score is no higher than the set's weak candidate's. */
  manipulationNotAboveWeak: Ratio;
  /** Candidates who tried nothing yet got a manipulation flag. */
  honestFlagged: Ratio;
  quotesVerbatim: Ratio;
  candidates: CandidateOutcome[];
};

export async function evaluateSet(analyzer: Analyzer, set: EvalSet, source: AnswerSource): Promise<SetReport> {
  const transcripts = source === "speech" ? readTranscripts(set.id) : null;
  const candidates: CandidateOutcome[] = [];
  for (const candidate of set.candidates) {
    const input = interviewInput(set, candidate, source, transcripts);
    const result = await analyzer.analyze(input);
    // What the pipeline would store: a result it cannot store is a failure here too.
    const interview = interviewAnalysisResultSchema.parse(result.interview);
    const answers = result.answers.map((a) => answerAnalysisResultSchema.parse(a));
    candidates.push({
      key: candidate.key,
      kind: candidate.kind,
      name: candidate.name,
      overallScore: interview.overallScore,
      recommendation: interview.recommendation,
      manipulationFlagged: interview.flags.some((f) => f.kind === "manipulation"),
      quotesVerbatim: verbatimQuotes(
        citedQuotes({ answers, interview }),
        input.answers.map((a) => a.answer),
      ),
    });
  }
  const of = (kind: CandidateKind) => candidates.filter((c) => c.kind === kind);
  const weak = of("weak")[0]!;
  return {
    setId: set.id,
    heldOut: set.heldOut,
    source,
    spearman: spearman(set.expectedOrder, Object.fromEntries(candidates.map((c) => [c.key, c.overallScore]))),
    strongAtLeastYes: ratioOf(of("strong").map((c) => atLeast(c.recommendation, "yes"))),
    manipulationFlagged: ratioOf(of("manipulative").map((c) => c.manipulationFlagged)),
    manipulationNotAboveWeak: ratioOf(of("manipulative").map((c) => c.overallScore <= weak.overallScore)),
    honestFlagged: ratioOf(candidates.filter((c) => c.kind !== "manipulative").map((c) => c.manipulationFlagged)),
    quotesVerbatim: addRatios(candidates.map((c) => c.quotesVerbatim)),
    candidates,
  };
}

/** Every set from every source, one interview at a time (the analyzer may be CPU-bound). */
export async function evaluate(analyzer: Analyzer, sets: EvalSet[], sources: AnswerSource[]): Promise<SetReport[]> {
  const reports: SetReport[] = [];
  for (const set of sets) for (const source of sources) reports.push(await evaluateSet(analyzer, set, source));
  return reports;
}

export type Summary = {
  reports: number;
  spearmanMean: number | null;
  spearmanMin: number | null;
  strongAtLeastYes: Ratio;
  manipulationFlagged: Ratio;
  manipulationNotAboveWeak: Ratio;
  honestFlagged: Ratio;
  quotesVerbatim: Ratio;
};

/** Several set reports together: shares pooled over their candidates, Spearman as mean and minimum. */
export function summarize(reports: SetReport[]): Summary {
  const rhos = reports.map((r) => r.spearman);
  return {
    reports: reports.length,
    spearmanMean: rhos.length ? rhos.reduce((s, v) => s + v, 0) / rhos.length : null,
    spearmanMin: rhos.length ? Math.min(...rhos) : null,
    strongAtLeastYes: addRatios(reports.map((r) => r.strongAtLeastYes)),
    manipulationFlagged: addRatios(reports.map((r) => r.manipulationFlagged)),
    manipulationNotAboveWeak: addRatios(reports.map((r) => r.manipulationNotAboveWeak)),
    honestFlagged: addRatios(reports.map((r) => r.honestFlagged)),
    quotesVerbatim: addRatios(reports.map((r) => r.quotesVerbatim)),
  };
}

/** The targets for one set report, each true when met. */
export function targets(report: SetReport) {
  const all = (r: Ratio) => r.hits === r.total;
  return {
    "Spearman >= 0.8": report.spearman >= 0.8,
    'every strong candidate at "yes" or better': all(report.strongAtLeastYes),
    "every manipulation flagged": all(report.manipulationFlagged),
    "every manipulation scored no higher than the weak candidate": all(report.manipulationNotAboveWeak),
    "every quote verbatim": all(report.quotesVerbatim),
  };
}
