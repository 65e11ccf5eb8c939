import { csvCell } from "../comparison/csv";
import type { Analytics } from "./analytics";

const percent = (n: number | null) => (n === null ? "" : (n * 100).toFixed(1));
const hours = (seconds: number | null) => (seconds === null ? "" : (seconds / 3600).toFixed(2));

/**
 * The analytics as one CSV file: each chart's table under a title row, separated by a blank line,
 * the filters first, lines ending in CRLF. Cells go through the comparison's csvCell, so a
 * competency or question text is never run as a formula.
 */
export function analyticsCsv(a: Analytics): string {
  const blocks: (string | number | null)[][][] = [
    [
      ["Filters"],
      ["Template", a.templateTitle ?? "All templates"],
      ["Invited from", a.filters.from],
      ["Invited to", a.filters.to],
      ["Statuses", a.filters.status?.join(" ") ?? "All"],
    ],
    [
      ["Funnel"],
      ["Step", "Candidates", "% of previous step", "% of invited"],
      ...a.funnel.map((f) => [f.label, f.count, percent(f.fromPrevious), percent(f.fromInvited)]),
    ],
    [["Times"], ["Median hours to complete", hours(a.medianSecondsToComplete)], ["Median hours to first review", hours(a.medianSecondsToFirstReview)]],
    [["Drop-off by question"], ["Question", "Answered", "Stopped here"], ...a.dropOff.map((d) => [d.label, d.answered, d.stoppedHere])],
    [["Score distribution"], ["Competency", "Score", "Interviews"], ...a.scores.buckets.map((b) => [b.competency, b.score, b.interviews])],
    [["Answers per day"], ["Day", "Answers"], ...a.answersPerDay.map((d) => [d.day, d.answers])],
  ];
  return blocks.map((rows) => rows.map((cells) => cells.map(csvCell).join(",")).join("\r\n")).join("\r\n\r\n") + "\r\n";
}
