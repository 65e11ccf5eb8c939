import { RECOMMENDATION_LABELS } from "../analysis/analysis.schema";
import { STATUS_LABELS } from "../invitations/status";
import type { ComparisonCompetency, ComparisonRow } from "./compare";

/**
 * One CSV cell. A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return,
 * which some strip before looking) as a formula, so such a cell gets a leading apostrophe: a
 * candidate's name is never code. Cells with quotes, commas or line breaks are quoted (RFC 4180).
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const score = (n: number | null | undefined) => (n === null || n === undefined ? "" : Number.isInteger(n) ? String(n) : n.toFixed(2));

/** The comparison as a CSV file: one row per candidate, in ranking order, lines ending in CRLF. */
export function toCsv(rows: ComparisonRow[], rubric: ComparisonCompetency[]): string {
  const header = [
    "Rank",
    "Candidate",
    "Email",
    "Status",
    "Completed at",
    "Engine",
    "Overall",
    ...rubric.map((c) => c.competency),
    "Recommendation",
    "Overridden by HR",
    "Flagged",
  ];
  const lines = rows.map((r) => {
    const a = r.analysis;
    return [
      r.rank === null ? "" : String(r.rank),
      r.candidateName,
      r.candidateEmail,
      STATUS_LABELS[r.status],
      r.completedAt ? r.completedAt.toISOString() : "",
      a?.engineLabel ?? "",
      score(a?.overall),
      ...rubric.map((c) => score(a?.scores[c.id]?.effective)),
      a ? RECOMMENDATION_LABELS[a.recommendation.effective] : "",
      a ? (a.overridden ? "yes" : "no") : "",
      a ? (a.flagged ? "yes" : "no") : "",
    ];
  });
  return [header, ...lines].map((cells) => cells.map(csvCell).join(",")).join("\r\n") + "\r\n";
}
