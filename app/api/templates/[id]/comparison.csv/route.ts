import { currentUser } from "@/server/auth/current-user";
import { comparisonCsvResponse } from "@/server/comparison/download";
import { getDb } from "@/server/db/client";

export const dynamic = "force-dynamic";

export async function GET(request: Request, ctx: { params: Promise<{ id: string }> }) {
  return comparisonCsvResponse(getDb(), await currentUser(), (await ctx.params).id, new URL(request.url).searchParams);
}
