import { timingSafeEqual } from "node:crypto";
import { env } from "@/server/config/env";
import { metrics } from "@/server/metrics/registry";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

function bearerMatches(header: string | null, token: string): boolean {
  const given = Buffer.from(header?.match(/^Bearer (.+)$/)?.[1] ?? "");
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Prometheus' scrape target: off (404) until METRICS_TOKEN is set, then only for that bearer token. */
export async function GET(request: Request): Promise<Response> {
  const token = env().METRICS_TOKEN;
  if (!token) return Response.json({ error: "Metrics are off: set METRICS_TOKEN to turn them on." }, { status: 404 });
  if (!bearerMatches(request.headers.get("authorization"), token)) {
    return Response.json({ error: "Send Authorization: Bearer <METRICS_TOKEN>." }, { status: 401, headers: { "www-authenticate": 'Bearer realm="metrics"' } });
  }
  const { registry } = metrics();
  return new Response(await registry.metrics(), { headers: { "content-type": registry.contentType, "cache-control": "no-store" } });
}
