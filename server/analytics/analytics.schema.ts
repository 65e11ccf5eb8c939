import { z } from "zod";
import { INVITATION_STATUSES } from "../invitations/status";
import { text } from "../validation/text";

const day = text().regex(/^\d{4}-\d{2}-\d{2}$/, "Enter a date as YYYY-MM-DD.");

/**
 * The analytics page's filters, as the comparison has them: a template (or all of the
 * organization's), the days the invitations were sent, and the invitations' statuses.
 */
export const analyticsInput = z
  .object({
    templateId: text().min(1).max(64).optional(),
    from: day,
    to: day,
    status: z
      .array(z.enum(INVITATION_STATUSES, { error: "Unknown invitation status" }))
      .max(INVITATION_STATUSES.length)
      .optional(),
  })
  .refine((f) => !Number.isNaN(Date.parse(f.from)) && !Number.isNaN(Date.parse(f.to)), { message: "Enter real dates.", path: ["from"] })
  .refine((f) => f.from <= f.to, { message: "The start date must be on or before the end date.", path: ["to"] });

export type AnalyticsInput = z.infer<typeof analyticsInput>;

/** The page's and the CSV's search params (status=A,B), with the last ninety days as the default range. */
export function parseAnalyticsSearchParams(params: URLSearchParams, today: Date = new Date()) {
  const start = new Date(today.getTime() - 89 * 24 * 3600 * 1000);
  const isoDay = (d: Date) => d.toISOString().slice(0, 10);
  const status = params
    .getAll("status")
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter(Boolean);
  return analyticsInput.safeParse({
    templateId: params.get("templateId") || undefined,
    from: params.get("from") || isoDay(start),
    to: params.get("to") || isoDay(today),
    status: status.length ? status : undefined,
  });
}

/** The filters as a query string, for the CSV link. */
export function analyticsSearchParams(input: AnalyticsInput): URLSearchParams {
  const params = new URLSearchParams({ from: input.from, to: input.to });
  if (input.templateId) params.set("templateId", input.templateId);
  if (input.status?.length) params.set("status", input.status.join(","));
  return params;
}
