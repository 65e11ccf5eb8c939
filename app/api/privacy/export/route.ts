import { currentUser } from "@/server/auth/current-user";
import { getDb } from "@/server/db/client";
import { candidateExportResponse } from "@/server/privacy/download";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  return candidateExportResponse(getDb(), await currentUser(), await request.formData());
}
