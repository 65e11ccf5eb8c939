import { currentUser } from "@/server/auth/current-user";
import { getDb } from "@/server/db/client";
import { analyticsCsvResponse } from "@/server/analytics/download";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  return analyticsCsvResponse(getDb(), await currentUser(), new URL(request.url).searchParams);
}
