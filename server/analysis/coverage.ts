/**
 * The one measure of how much of a question's criteria an answer covers, used by both engines'
 * summaries, the review page and the comparison, so "covers N of M criteria" and the answer's
 * percentage always come from the same numbers. Pure: safe to import from client components.
 */

/** A criterion at or above this coverage counts as covered; below NOT_COVERED it is named as missing. */
export const COVERED = 0.4;
export const NOT_COVERED = 0.2;

export type CoverageSummary = { covered: number; total: number; mean: number };

export function coverageSummary(criteria: readonly { coverage: number }[]): CoverageSummary {
  const total = criteria.length;
  return {
    covered: criteria.filter((c) => c.coverage >= COVERED).length,
    total,
    mean: total === 0 ? 0 : criteria.reduce((s, c) => s + c.coverage, 0) / total,
  };
}

/** "Covers 2 of 4 criteria (58% on average)". */
export function describeCoverage(s: CoverageSummary): string {
  return `Covers ${s.covered} of ${s.total} criteri${s.total === 1 ? "on" : "a"} (${Math.round(s.mean * 100)}% on average)`;
}

/** Scores are shown and compared with one decimal. */
export const roundScore = (n: number) => Math.round(Math.min(5, Math.max(1, n)) * 10) / 10;
