import { openApiDocument } from "@/server/api/openapi";

export const dynamic = "force-dynamic";

/** The OpenAPI 3.1 document of /api/v1, made from the route table; public, like the reference page. */
export function GET() {
  return Response.json(openApiDocument(), { headers: { "cache-control": "no-cache" } });
}
