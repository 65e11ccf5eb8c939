import { z } from "zod";
import { text } from "../validation/text";

const day = text().regex(/^\d{4}-\d{2}-\d{2}$/, "Enter a date as YYYY-MM-DD.");

/** The fairness report's filters: a template (or all) and the days the interviews were completed. */
export const fairnessReportInput = z
  .object({
    templateId: text().min(1).max(64).optional(),
    from: day,
    to: day,
  })
  .refine((f) => !Number.isNaN(Date.parse(f.from)) && !Number.isNaN(Date.parse(f.to)), { message: "Enter real dates.", path: ["from"] })
  .refine((f) => f.from <= f.to, { message: "The start date must be on or before the end date.", path: ["to"] });

export type FairnessReportInput = z.infer<typeof fairnessReportInput>;

/** The page's and the CSV's search params, with the last twelve months as the default range. */
export function parseFairnessSearchParams(params: URLSearchParams, today: Date = new Date()) {
  const yearAgo = new Date(today);
  yearAgo.setUTCFullYear(yearAgo.getUTCFullYear() - 1);
  const isoDay = (d: Date) => d.toISOString().slice(0, 10);
  return fairnessReportInput.safeParse({
    templateId: params.get("templateId") || undefined,
    from: params.get("from") || isoDay(yearAgo),
    to: params.get("to") || isoDay(today),
  });
}
