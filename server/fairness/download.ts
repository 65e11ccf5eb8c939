import type { SessionUser } from "../auth/session-user";
import type { Db } from "../db/client";
import { DomainError } from "../errors";
import { decideAccess } from "../trpc/access";
import { fairnessReport } from "./report";
import { fairnessCsv } from "./report-csv";
import { parseFairnessSearchParams } from "./report.schema";

const json = (status: number, error: string) => Response.json({ error }, { status });

/** The fairness report as a CSV download, for owners of the organization: the same rule as the page's procedure. */
export async function fairnessCsvResponse(db: Db, user: SessionUser | null, params: URLSearchParams): Promise<Response> {
  const access = decideAccess({ who: "owner", tenant: "organization" }, user);
  if (!access.ok) return json(access.code === "UNAUTHORIZED" ? 401 : 403, access.message);
  const input = parseFairnessSearchParams(params);
  if (!input.success) return json(400, input.error.issues[0]?.message ?? "Check the filters.");
  try {
    const report = await fairnessReport(db, access.membership!.organizationId, input.data);
    return new Response(`\uFEFF${fairnessCsv(report)}`, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="fairness-report-${input.data.from}-to-${input.data.to}.csv"`,
        "cache-control": "private, no-store",
        "x-content-type-options": "nosniff",
      },
    });
  } catch (error) {
    if (error instanceof DomainError) return json(error.code === "NOT_FOUND" ? 404 : 400, error.message);
    throw error;
  }
}
