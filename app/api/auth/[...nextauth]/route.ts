import NextAuth from "next-auth";
import { authOptions } from "@/server/auth/options";
import { sameOriginOnly } from "@/server/security/same-origin";

export const dynamic = "force-dynamic";

// Options are built per request so env validation runs at request time, not at build time.
const handler = (req: Request, ctx: { params: Promise<{ nextauth: string[] }> }) => NextAuth(req as never, ctx as never, authOptions()) as Promise<Response>;

// next-auth checks its own CSRF token on posts; the origin check refuses another site earlier still.
export const POST = sameOriginOnly(handler);
export { handler as GET };
