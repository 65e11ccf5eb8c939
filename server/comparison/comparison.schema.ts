import { z } from "zod";
import { RECOMMENDATIONS } from "../analysis/analysis.schema";
import { INVITATION_STATUSES } from "../invitations/status";
import { text } from "../validation/text";

export const OVERALL_SORT = "overall";

export const compareCandidatesInput = z.object({
  templateId: text().min(1),
  status: z
    .array(z.enum(INVITATION_STATUSES, { error: "Unknown invitation status" }))
    .max(INVITATION_STATUSES.length)
    .optional(),
  recommendation: z
    .array(z.enum(RECOMMENDATIONS, { error: "Unknown recommendation" }))
    .max(RECOMMENDATIONS.length)
    .optional(),
  /** Only candidates whose profile lists this skill (case and spacing aside). */
  skill: text().trim().max(40, "Keep the skill under 40 characters.").optional(),
  /** "overall", or a rubric competency id to rank by that competency. */
  sort: text().trim().min(1).max(64).default(OVERALL_SORT),
});

export type CompareCandidatesInput = z.infer<typeof compareCandidatesInput>;

/** The same filters as a query string (status=A,B&recommendation=yes&sort=c1), for the CSV link and route. */
export function comparisonSearchParams(input: {
  status?: readonly string[];
  recommendation?: readonly string[];
  skill?: string;
  sort?: string;
}): URLSearchParams {
  const params = new URLSearchParams();
  if (input.status?.length) params.set("status", input.status.join(","));
  if (input.recommendation?.length) params.set("recommendation", input.recommendation.join(","));
  if (input.skill?.trim()) params.set("skill", input.skill.trim());
  if (input.sort && input.sort !== OVERALL_SORT) params.set("sort", input.sort);
  return params;
}

export function parseComparisonSearchParams(templateId: string, params: URLSearchParams) {
  const list = (key: string) => {
    const values = params
      .getAll(key)
      .flatMap((v) => v.split(","))
      .map((v) => v.trim())
      .filter(Boolean);
    return values.length ? values : undefined;
  };
  return compareCandidatesInput.safeParse({
    templateId,
    status: list("status"),
    recommendation: list("recommendation"),
    skill: params.get("skill") || undefined,
    sort: params.get("sort") || undefined,
  });
}
