import { HR_ACCESS, routeAccess } from "../auth/route-access";
import type { SessionUser } from "../auth/session-user";
import type { Db } from "../db/client";
import { DomainError } from "../errors";
import { compareCandidates } from "./compare";
import { parseComparisonSearchParams } from "./comparison.schema";
import { toCsv } from "./csv";

function fileName(title: string): string {
  const slug =
    title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "template";
  return `${slug}-comparison.csv`;
}

const json = (status: number, error: string) => Response.json({ error }, { status });

/**
 * The comparison table of one template as a CSV download, with the page's filters, for HR of its
 * organization. Anyone else gets the answer a missing template gets: the URL reveals nothing.
 */
export async function comparisonCsvResponse(db: Db, user: SessionUser | null, templateId: string, params: URLSearchParams): Promise<Response> {
  const access = routeAccess(HR_ACCESS, user);
  if (!access.ok && access.status === 401) return json(401, "Sign in to download the comparison.");
  if (!access.ok || !access.membership) return json(404, "The interview template was not found.");
  const membership = access.membership;

  const input = parseComparisonSearchParams(templateId, params);
  if (!input.success) return json(400, input.error.issues[0]?.message ?? "Check the filters.");
  try {
    const comparison = await compareCandidates(db, membership.organizationId, input.data);
    // The byte-order mark makes spreadsheet programs read the names as UTF-8.
    return new Response(`\uFEFF${toCsv(comparison.rows, comparison.competencies)}`, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${fileName(comparison.template.title)}"`,
        "cache-control": "private, no-store",
        "x-content-type-options": "nosniff",
      },
    });
  } catch (error) {
    if (error instanceof DomainError) return json(error.code === "NOT_FOUND" ? 404 : 400, error.message);
    throw error;
  }
}
