// Never cached, and never touches the database: a slow database must not get the process restarted.
export const dynamic = "force-dynamic";

/** Liveness: the process answers. Restart it when this fails; readiness (/api/health/ready) decides traffic. */
export function GET(): Response {
  return Response.json({ status: "live" }, { headers: { "cache-control": "no-store" } });
}
