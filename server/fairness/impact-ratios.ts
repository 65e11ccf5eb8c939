/**
 * Selection rates and impact ratios, the way New York City's Local Law 144 bias audits and the
 * EEOC's four-fifths rule compute them: a category's selection rate is the share of its people who
 * were selected; its impact ratio is that rate divided by the highest rate of any category. A
 * ratio below 0.8 is the usual sign of adverse impact worth looking into.
 *
 * Small cells say little and can point at a person, so a category with fewer than
 * MIN_CELL_SIZE people is suppressed (its figures are not shown) and takes no part in choosing the
 * highest rate. People whose category is unknown (they preferred not to say, or did not answer) are
 * counted apart and left out of the rates, as the law's audits do.
 */
export const MIN_CELL_SIZE = 5;
export const FOUR_FIFTHS = 0.8;

export type ImpactRow = {
  category: string;
  /** null when suppressed. */
  total: number | null;
  selected: number | null;
  rate: number | null;
  /** null when suppressed, or when no category has a rate to compare with. */
  ratio: number | null;
  belowFourFifths: boolean;
  suppressed: boolean;
};

export type ImpactTable = { rows: ImpactRow[]; unknown: number; assessed: number };

export function impactTable<P>(
  people: readonly P[],
  categories: readonly string[],
  categoryOf: (p: P) => string | null,
  selected: (p: P) => boolean,
): ImpactTable {
  const counts = new Map(categories.map((c) => [c, { total: 0, selected: 0 }]));
  let unknown = 0;
  for (const person of people) {
    const category = categoryOf(person);
    const cell = category === null ? undefined : counts.get(category);
    if (!cell) {
      unknown++;
      continue;
    }
    cell.total++;
    if (selected(person)) cell.selected++;
  }
  const shown = [...counts.values()].filter((c) => c.total >= MIN_CELL_SIZE);
  const highest = Math.max(0, ...shown.map((c) => c.selected / c.total));
  const rows = categories.map((category): ImpactRow => {
    const cell = counts.get(category)!;
    if (cell.total < MIN_CELL_SIZE) return { category, total: null, selected: null, rate: null, ratio: null, belowFourFifths: false, suppressed: true };
    const rate = cell.selected / cell.total;
    const ratio = highest > 0 ? rate / highest : null;
    return { category, total: cell.total, selected: cell.selected, rate, ratio, belowFourFifths: ratio !== null && ratio < FOUR_FIFTHS, suppressed: false };
  });
  return { rows, unknown, assessed: people.length };
}
