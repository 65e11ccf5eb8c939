import { describe, expect, it } from "vitest";
import { reciprocalRankFusion, RRF_K } from "@/server/search/fuse";

const ranking = (...ids: string[]) => ids.map((id, i) => ({ id, score: ids.length - i }));

describe("reciprocal rank fusion", () => {
  it("sums 1 / (k + rank) over the rankings, scaled so first in every ranking is 1", () => {
    const fused = reciprocalRankFusion([ranking("a", "b"), ranking("b", "c")]);
    const raw = (...ranks: number[]) => ranks.reduce((sum, r) => sum + 1 / (RRF_K + r), 0) / (2 / (RRF_K + 1));
    expect(fused.map((f) => f.id)).toEqual(["b", "a", "c"]);
    expect(fused[0]!.score).toBeCloseTo(raw(2, 1), 12);
    expect(fused[1]!.score).toBeCloseTo(raw(1), 12);
    expect(fused[2]!.score).toBeCloseTo(raw(2), 12);
    expect(fused.map((f) => f.ranks)).toEqual([
      [2, 1],
      [1, null],
      [null, 2],
    ]);
    expect(reciprocalRankFusion([ranking("x"), ranking("x")])[0]!.score).toBe(1);
  });

  it("lets agreement beat a single first place at k = 60, not at k = 1", () => {
    const words = ranking("mention", "w2", "w3", "w4", "story");
    const meaning = ranking("m1", "m2", "m3", "m4", "story");
    expect(reciprocalRankFusion([words, meaning])[0]!.id).toBe("story");
    expect(reciprocalRankFusion([words, meaning], 1)[0]!.id).toBe("mention");
  });

  it("gives tied scores the same rank, so equal passages score the same", () => {
    const fused = reciprocalRankFusion([
      [
        { id: "a", score: 0.9 },
        { id: "b", score: 0.5 },
        { id: "c", score: 0.5 },
        { id: "d", score: 0.1 },
      ],
    ]);
    expect(fused.map((f) => [f.id, f.ranks[0]])).toEqual([
      ["a", 1],
      ["b", 2],
      ["c", 2],
      ["d", 4],
    ]);
    expect(fused[1]!.score).toBe(fused[2]!.score);
  });

  it("breaks fused ties by the order of the rankings", () => {
    // First in one ranking each: the same sum and the same best rank, so the words ranking's goes first.
    const fused = reciprocalRankFusion([ranking("words-first"), ranking("meaning-first")]);
    expect(fused.map((f) => f.id)).toEqual(["words-first", "meaning-first"]);
    expect(fused[0]!.score).toBe(fused[1]!.score);
  });

  it("counts an id listed twice in one ranking once, at its better rank, and handles no rankings", () => {
    const fused = reciprocalRankFusion([
      [
        { id: "a", score: 3 },
        { id: "b", score: 2 },
        { id: "a", score: 1 },
      ],
    ]);
    expect(fused.map((f) => [f.id, f.ranks[0]])).toEqual([
      ["a", 1],
      ["b", 2],
    ]);
    expect(reciprocalRankFusion([])).toEqual([]);
    expect(reciprocalRankFusion([[], []])).toEqual([]);
  });
});
