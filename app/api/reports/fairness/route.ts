import { currentUser } from "@/server/auth/current-user";
import { getDb } from "@/server/db/client";
import { fairnessCsvResponse } from "@/server/fairness/download";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  return fairnessCsvResponse(getDb(), await currentUser(), new URL(request.url).searchParams);
}
