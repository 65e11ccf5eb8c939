import { RECOMMENDATION_LABELS } from "../analysis/analysis.schema";
import { STATUS_LABELS } from "../invitations/status";
import type { ComparisonCompetency, ComparisonRow } from "./compare";

// A segment is what a spreadsheet may read as a cell of its own: the text after any separator a
// locale may use (comma, semicolon, tab, pipe) or a line break. One that starts with a formula
// sign, ASCII or fullwidth (which Excel folds to ASCII), gets an apostrophe: then it is text.
const FORMULA_SEGMENT = /(^|[,;\t|\r\n])(\s*)(?=[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/g;

/**
 * One CSV cell, always quoted (RFC 4180, quotes doubled), so no separator inside it splits it in
 * any locale, with every segment that a spreadsheet would run as a formula defused: a candidate's
 * name is never code.
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '""';
  const text = typeof value === "string" ? value.replace(FORMULA_SEGMENT, "$1$2'") : String(value);
  return `"${text.replace(/"/g, '""')}"`;
}

const score = (n: number | null | undefined) => (n === null || n === undefined ? "" : Number.isInteger(n) ? String(n) : n.toFixed(2));

/** The comparison as a CSV file: one row per candidate, in ranking order, lines ending in CRLF. */
export function toCsv(rows: ComparisonRow[], rubric: ComparisonCompetency[]): string {
  // The key's points only when some interview has multiple-choice questions scored by key.
  const keyed = rows.some((r) => r.keyPoints);
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
    ...(keyed ? ["Key points", "Key questions"] : []),
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
      ...(keyed ? [score(r.keyPoints?.earned), r.keyPoints ? String(r.keyPoints.of) : ""] : []),
    ];
  });
  return [header, ...lines].map((cells) => cells.map(csvCell).join(",")).join("\r\n") + "\r\n";
}
