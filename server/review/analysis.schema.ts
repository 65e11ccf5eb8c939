import { z } from "zod";
import { RECOMMENDATIONS } from "../analysis/analysis.schema";
import { RECOMMENDATION_FIELD } from "./effective";
import { text } from "../validation/text";

export const OVERRIDE_REASON = { min: 3, max: 500 } as const;
export const SCORE_VALUES = ["1", "2", "3", "4", "5"] as const;

export const interviewAnalysisInput = z.object({ invitationId: text().min(1) });

export const overrideAnalysisInput = z
  .object({
    invitationId: text().min(1, "Choose an interview"),
    field: text().trim().min(1, "Choose a score to override").max(64, "Unknown score"),
    value: text({ error: "Choose a value" }).trim().min(1, "Choose a value"),
    reason: text({ error: "Say why you are overriding the AI" })
      .trim()
      .min(OVERRIDE_REASON.min, `Say why in at least ${OVERRIDE_REASON.min} characters`)
      .max(OVERRIDE_REASON.max, `Keep the reason under ${OVERRIDE_REASON.max} characters`),
  })
  .superRefine((input, ctx) => {
    if (input.field === RECOMMENDATION_FIELD) {
      if (!(RECOMMENDATIONS as readonly string[]).includes(input.value)) {
        ctx.addIssue({ code: "custom", path: ["value"], message: "Choose strong no, no, yes or strong yes" });
      }
    } else if (!(SCORE_VALUES as readonly string[]).includes(input.value)) {
      ctx.addIssue({ code: "custom", path: ["value"], message: "Choose a score from 1 to 5" });
    }
  });

export type OverrideAnalysisInput = z.infer<typeof overrideAnalysisInput>;

export const AUDIT_PAGE_SIZE = 25;

export const auditLogInput = z.object({
  action: text().trim().max(64).optional(),
  cursor: text().min(1).nullish(),
  take: z.number().int().min(1).max(100).default(AUDIT_PAGE_SIZE),
});

export type AuditLogInput = z.infer<typeof auditLogInput>;
