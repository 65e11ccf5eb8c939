import { currentUser } from "@/server/auth/current-user";
import { routeAccess } from "@/server/auth/route-access";
import { checkHealth } from "@/server/health/check";

// Probes the database on every request: a cached answer would hide an outage.
export const dynamic = "force-dynamic";

/**
 * Whether the app is up, for anyone (load balancers, uptime checks): `{ status }` only. Versions,
 * migrations and configured services are for admins, who see them at /admin/health too.
 */
export async function GET(): Promise<Response> {
  const report = await checkHealth();
  const admin = routeAccess({ who: "admin", tenant: "platform" }, await currentUser()).ok;
  return Response.json(admin ? report : { status: report.status }, {
    status: report.status === "ok" ? 200 : 503,
    headers: { "cache-control": "no-store" },
  });
}
