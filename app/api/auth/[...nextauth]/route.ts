import NextAuth from "next-auth";
import { magicLinkLimitResponse } from "@/server/auth/magic-link-limit";
import { authOptions } from "@/server/auth/options";
import { sameOriginOnly } from "@/server/security/same-origin";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ nextauth: string[] }> };

// Options are built per request so env validation runs at request time, not at build time.
const handler = (req: Request, ctx: Ctx) => NextAuth(req as never, ctx as never, authOptions()) as Promise<Response>;

// next-auth checks its own CSRF token on posts; the origin check refuses another site earlier still.
export const POST = sameOriginOnly(async (req: Request, ctx: Ctx) => (await magicLinkLimitResponse(req, (await ctx.params).nextauth)) ?? handler(req, ctx));
export { handler as GET };
