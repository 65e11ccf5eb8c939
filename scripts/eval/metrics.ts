// The evaluation's figures, as pure functions of the analyzer's results and the sets' expectations.
import { RECOMMENDATIONS, type Recommendation } from "../../server/analysis/analysis.schema";
import { indexAnswer, locateQuote, type AnswerText } from "../../server/analysis/verify-quotes";

/** hits out of total; the share is null when there is nothing to count. */
export type Ratio = { hits: number; total: number };

export const share = (r: Ratio): number | null => (r.total === 0 ? null : r.hits / r.total);

export function addRatios(ratios: Ratio[]): Ratio {
  return ratios.reduce((sum, r) => ({ hits: sum.hits + r.hits, total: sum.total + r.total }), { hits: 0, total: 0 });
}

export const ratioOf = (flags: boolean[]): Ratio => ({ hits: flags.filter(Boolean).length, total: flags.length });

/** 1-based ranks, highest value first; tied values share the mean of the ranks they span. */
export function averageRanks(values: number[]): number[] {
  const order = values.map((v, i) => ({ v, i })).sort((a, b) => b.v - a.v);
  const ranks = new Array<number>(values.length);
  for (let start = 0; start < order.length;) {
    let end = start;
    while (end + 1 < order.length && order[end + 1]!.v === order[start]!.v) end++;
    const rank = (start + end) / 2 + 1;
    for (let k = start; k <= end; k++) ranks[order[k]!.i] = rank;
    start = end + 1;
  }
  return ranks;
}

function pearson(x: number[], y: number[]): number {
  const mean = (a: number[]) => a.reduce((s, v) => s + v, 0) / a.length;
  const mx = mean(x);
  const my = mean(y);
  let cov = 0;
  let vx = 0;
  let vy = 0;
  x.forEach((xi, i) => {
    cov += (xi - mx) * (y[i]! - my);
    vx += (xi - mx) ** 2;
    vy += (y[i]! - my) ** 2;
  });
  // Scores that are all equal say nothing about the order: no correlation rather than NaN.
  return vx === 0 || vy === 0 ? 0 : cov / Math.sqrt(vx * vy);
}

/**
 * Spearman's rank correlation between the expected order (groups of keys, best first; a group
 * ties) and the scores (higher is better), both ranked with average ranks for ties: the Pearson
 * correlation of the two rank vectors.
 */
export function spearman(expectedOrder: string[][], scores: Record<string, number>): number {
  const keys = expectedOrder.flat();
  const missing = keys.filter((k) => !(k in scores));
  if (missing.length > 0) throw new Error(`No score for ${missing.join(", ")}`);
  const expected: number[] = [];
  let next = 1;
  for (const group of expectedOrder) {
    // A group of n tied keys takes ranks next..next+n-1, each their mean.
    for (let i = 0; i < group.length; i++) expected.push(next + (group.length - 1) / 2);
    next += group.length;
  }
  return pearson(expected, averageRanks(keys.map((k) => scores[k]!)));
}

export function atLeast(recommendation: Recommendation, floor: Recommendation): boolean {
  return RECOMMENDATIONS.indexOf(recommendation) >= RECOMMENDATIONS.indexOf(floor);
}

export type CitedQuote = { responseId: string; quote: string };

/**
 * Every evidence quote anywhere in an analysis result (an object with `quote` and `responseId`),
 * each distinct quote of an answer once: the result's shape decides where evidence sits, and the
 * figure is about what was cited, not how often.
 */
export function citedQuotes(result: unknown): CitedQuote[] {
  const found = new Map<string, CitedQuote>();
  const walk = (value: unknown) => {
    if (Array.isArray(value)) return value.forEach(walk);
    if (!value || typeof value !== "object") return;
    const record = value as Record<string, unknown>;
    if (typeof record.quote === "string" && typeof record.responseId === "string") {
      found.set(`${record.responseId}\u0000${record.quote}`, { responseId: record.responseId, quote: record.quote });
    }
    Object.values(record).forEach(walk);
  };
  walk(result);
  return [...found.values()];
}

/** Quotes that are verbatim spans of the answer they cite (a quote of no known answer is not). */
export function verbatimQuotes(quotes: CitedQuote[], answers: AnswerText[]): Ratio {
  const indexes = new Map(answers.map((a) => [a.responseId, indexAnswer(a)]));
  return ratioOf(
    quotes.map((q) => {
      const index = indexes.get(q.responseId);
      return index !== undefined && locateQuote(index, q.quote) !== null;
    }),
  );
}
