import { currentUser } from "@/server/auth/current-user";
import { routeAccess } from "@/server/auth/route-access";
import { checkReadiness } from "@/server/health/readiness";

export const dynamic = "force-dynamic";

/**
 * Readiness: 200 when the database, storage, mail and background work can serve, 503 otherwise.
 * Anyone sees which check failed; the details (versions, engines) are for admins, as on /api/health.
 */
export async function GET(): Promise<Response> {
  const report = await checkReadiness();
  const admin = routeAccess({ who: "admin", tenant: "platform" }, await currentUser()).ok;
  const checks = admin ? report.checks : Object.fromEntries(Object.entries(report.checks).map(([name, check]) => [name, { ok: check.ok }]));
  return Response.json({ status: report.status, checks }, { status: report.status === "ready" ? 200 : 503, headers: { "cache-control": "no-store" } });
}
