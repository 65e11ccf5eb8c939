import { NextResponse } from "next/server";
import { devSignIn } from "@/server/auth/dev-sign-in";
import { sessionCookieName } from "@/server/auth/session";
import { devToolsEnabled, env } from "@/server/config/env";
import { getDb } from "@/server/db/client";
import { DomainError } from "@/server/errors";
import { sameOriginOnly } from "@/server/security/same-origin";

export const dynamic = "force-dynamic";

export const POST = sameOriginOnly(async (req: Request) => {
  if (!devToolsEnabled()) return NextResponse.json({ error: "Not found" }, { status: 404 });
  const form = await req.formData();
  const field = form.get("email");
  const email = typeof field === "string" ? field : "";
  const base = env().APP_URL;
  try {
    const { token, expires } = await devSignIn(getDb(), email);
    const res = NextResponse.redirect(new URL("/", base), 303);
    res.cookies.set(sessionCookieName(), token, {
      httpOnly: true,
      sameSite: "lax",
      path: "/",
      secure: base.startsWith("https://"),
      expires,
    });
    return res;
  } catch (error) {
    const message = error instanceof DomainError ? error.message : "Sign-in failed.";
    return NextResponse.redirect(new URL(`/sign-in?error=${encodeURIComponent(message)}`, base), 303);
  }
});
