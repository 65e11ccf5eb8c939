import { describe, expect, it } from "vitest";
import { impactTable } from "@/server/fairness/impact-ratios";

type P = { group: string | null; picked: boolean };
const people = (group: string | null, total: number, picked: number): P[] => Array.from({ length: total }, (_, i) => ({ group, picked: i < picked }));
const table = (ps: P[], categories = ["a", "b", "c"]) =>
  impactTable(
    ps,
    categories,
    (p) => p.group,
    (p) => p.picked,
  );

describe("impactTable", () => {
  it("divides each category's selection rate by the highest and flags ratios below four-fifths", () => {
    const t = table([...people("a", 10, 8), ...people("b", 10, 6), ...people("c", 20, 14)]);
    expect(t.rows.map((r) => [r.category, r.rate, r.ratio && Number(r.ratio.toFixed(3)), r.belowFourFifths])).toEqual([
      ["a", 0.8, 1, false],
      ["b", 0.6, 0.75, true],
      ["c", 0.7, 0.875, false],
    ]);
    expect(t.assessed).toBe(40);
  });

  it("suppresses a category of fewer than 5 people, which then sets no reference rate", () => {
    const t = table([...people("a", 4, 4), ...people("b", 5, 2), ...people("c", 5, 4)]);
    expect(t.rows[0]).toEqual({ category: "a", total: null, selected: null, rate: null, ratio: null, belowFourFifths: false, suppressed: true });
    // The reference is c's 0.8, not a's 1.0 from four people.
    expect(t.rows[1]!.ratio).toBeCloseTo(0.5);
    expect(t.rows[2]!.ratio).toBe(1);
  });

  it("counts people of unknown category apart and leaves them out of every rate", () => {
    const t = table([...people("a", 5, 5), ...people(null, 7, 0), ...people("prefer_not_to_say", 3, 0)]);
    expect(t.unknown).toBe(10);
    expect(t.rows[0]).toMatchObject({ total: 5, selected: 5, rate: 1, ratio: 1 });
  });

  it("gives no ratio when nobody shown was selected", () => {
    const t = table([...people("a", 5, 0), ...people("b", 6, 0)]);
    expect(t.rows.slice(0, 2).map((r) => [r.rate, r.ratio, r.belowFourFifths])).toEqual([
      [0, null, false],
      [0, null, false],
    ]);
  });
});
