import { handleApiRequest } from "@/server/api/handle";
import { getDb } from "@/server/db/client";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ path: string[] }> };

// Every /api/v1 route is an entry of server/api/routes.ts; this only hands the request over.
const serve = async (request: Request, ctx: Ctx) => handleApiRequest(getDb(), request, (await ctx.params).path);

export const GET = serve;
export const POST = serve;
export const DELETE = serve;
export const PUT = serve;
export const PATCH = serve;
