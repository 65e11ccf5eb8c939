import { HR_ACCESS, routeAccess } from "../auth/route-access";
import type { SessionUser } from "../auth/session-user";
import type { Db } from "../db/client";
import { DomainError } from "../errors";
import { organizationAnalytics } from "./analytics";
import { parseAnalyticsSearchParams } from "./analytics.schema";
import { analyticsCsv } from "./csv";

const json = (status: number, error: string) => Response.json({ error }, { status });

/** The analytics page as a CSV download, with its filters, for HR of the organization: the rule of the page's procedure. */
export async function analyticsCsvResponse(db: Db, user: SessionUser | null, params: URLSearchParams): Promise<Response> {
  const access = routeAccess(HR_ACCESS, user);
  if (!access.ok) return json(access.status, access.status === 401 ? "Sign in to download the analytics." : "Only HR members of an organization can do this.");
  const input = parseAnalyticsSearchParams(params);
  if (!input.success) return json(400, input.error.issues[0]?.message ?? "Check the filters.");
  try {
    const analytics = await organizationAnalytics(db, access.membership!.organizationId, input.data);
    return new Response(`\uFEFF${analyticsCsv(analytics)}`, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="analytics-${input.data.from}-to-${input.data.to}.csv"`,
        "cache-control": "private, no-store",
        "x-content-type-options": "nosniff",
      },
    });
  } catch (error) {
    if (error instanceof DomainError) return json(error.code === "NOT_FOUND" ? 404 : 400, error.message);
    throw error;
  }
}
