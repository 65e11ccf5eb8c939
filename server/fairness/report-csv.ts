import { csvCell } from "../comparison/csv";
import type { FairnessReport } from "./report";

export const BASIS_LABELS = { hr: "HR decision (advance)", ai: "AI recommendation (yes or strong yes)" } as const;
export const DIMENSION_LABELS = { sex: "Sex", raceEthnicity: "Race/ethnicity", intersectional: "Sex and race/ethnicity" } as const;

const figure = (n: number | null, digits: number) => (n === null ? "" : n.toFixed(digits));

/** The report as a CSV file: one row per basis, dimension and category; suppressed cells stay empty. */
export function fairnessCsv(report: FairnessReport): string {
  const header = [
    "Selection",
    "Dimension",
    "Category",
    "Candidates",
    "Selected",
    "Selection rate",
    "Impact ratio",
    "Below four-fifths",
    "Suppressed (fewer than 5)",
  ];
  const lines: string[][] = [];
  for (const basis of report.bases) {
    for (const table of basis.tables) {
      for (const row of table.rows) {
        lines.push([
          BASIS_LABELS[basis.basis],
          DIMENSION_LABELS[table.dimension],
          table.labels[row.category] ?? row.category,
          row.total === null ? "" : String(row.total),
          row.selected === null ? "" : String(row.selected),
          figure(row.rate, 3),
          figure(row.ratio, 3),
          row.suppressed ? "" : row.belowFourFifths ? "yes" : "no",
          row.suppressed ? "yes" : "no",
        ]);
      }
      lines.push([BASIS_LABELS[basis.basis], DIMENSION_LABELS[table.dimension], "Unknown (not disclosed)", String(table.unknown), "", "", "", "", "no"]);
    }
  }
  return [header, ...lines].map((cells) => cells.map(csvCell).join(",")).join("\r\n") + "\r\n";
}
