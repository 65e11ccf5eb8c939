/**
 * Reciprocal rank fusion (Cormack, Clarke & Büttcher, SIGIR 2009): each ranking gives a passage
 * 1 / (k + its rank), and the passage's fused score is the sum over the rankings. Only ranks are
 * used, so the words ranking (ts_rank_cd, unbounded) and the meaning ranking (cosine similarity)
 * need no common scale.
 *
 * k = 60, the paper's value, which it found robust across collections. A large k flattens the head
 * of each ranking, so agreement wins: a passage both rankings place 5th (2/65 = 0.031) beats one
 * that only one ranking places first (1/61 = 0.016). That is what hybrid search is for: the
 * passage that says HR's words AND means what HR asked. With a small k (k = 1: 2/6 against 1/2) a
 * single first place would decide, and each ranking's blind spot (a passing mention of the words;
 * a passage about something merely related) would win whenever the other ranking disagrees.
 */
export const RRF_K = 60;

/** One ranking, best first; `score` only decides ties (equal scores share a rank). */
export type RankedItem = { id: string; score: number };

export type FusedItem = {
  id: string;
  /**
   * The fused score divided by the best one possible (first in every ranking), so it lies in (0, 1]:
   * 1 = first in every ranking, 0.5 = first in one of two and absent from the other.
   */
  score: number;
  /** The item's rank in each ranking (1 = first), null where it is absent. */
  ranks: (number | null)[];
};

/**
 * Fuses rankings into one, best first. Ties in a ranking share the better rank (1, 2, 2, 4), so
 * equal passages (a sentence said twice) score the same. Ties in the fused score are broken by the
 * best single rank, then by the order of the rankings and of the items in them.
 */
export function reciprocalRankFusion(rankings: readonly (readonly RankedItem[])[], k: number = RRF_K): FusedItem[] {
  const fused = new Map<string, { raw: number; ranks: (number | null)[]; best: number; order: number }>();
  rankings.forEach((ranking, r) => {
    let rank = 0;
    ranking.forEach((item, i) => {
      if (i === 0 || item.score !== ranking[i - 1]!.score) rank = i + 1;
      let entry = fused.get(item.id);
      if (!entry) {
        entry = { raw: 0, ranks: rankings.map(() => null), best: Infinity, order: fused.size };
        fused.set(item.id, entry);
      }
      // An id listed twice in one ranking counts once, at its better rank.
      if (entry.ranks[r] !== null) return;
      entry.ranks[r] = rank;
      entry.raw += 1 / (k + rank);
      entry.best = Math.min(entry.best, rank);
    });
  });
  const best = rankings.length / (k + 1);
  return [...fused.entries()]
    .sort(([, a], [, b]) => b.raw - a.raw || a.best - b.best || a.order - b.order)
    .map(([id, e]) => ({ id, score: e.raw / best, ranks: e.ranks }));
}
