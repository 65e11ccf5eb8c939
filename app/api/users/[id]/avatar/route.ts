import { NextResponse } from "next/server";
import { currentUser } from "@/server/auth/current-user";
import { routeAccess } from "@/server/auth/route-access";
import { getDb } from "@/server/db/client";
import { DomainError } from "@/server/errors";
import { avatarUrl } from "@/server/users/avatar";

export const dynamic = "force-dynamic";

/** Avatars are shown to their owner, their organization and admins; the redirect target is a short-lived signed URL. */
export async function GET(_req: Request, ctx: { params: Promise<{ id: string }> }) {
  const access = routeAccess({ who: "onboarding", tenant: "self" }, await currentUser());
  if (!access.ok) return NextResponse.json({ error: "Sign in to see avatars." }, { status: 401 });
  try {
    const url = await avatarUrl(getDb(), access.user, (await ctx.params).id);
    return NextResponse.redirect(url, { status: 302, headers: { "cache-control": "private, max-age=60" } });
  } catch (error) {
    if (error instanceof DomainError) return NextResponse.json({ error: error.message }, { status: 404 });
    throw error;
  }
}
