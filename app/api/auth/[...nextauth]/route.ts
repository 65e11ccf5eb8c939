import NextAuth from "next-auth";
import { authOptions } from "@/server/auth/options";

export const dynamic = "force-dynamic";

// Options are built per request so env validation runs at request time, not at build time.
const handler = (req: Request, ctx: { params: Promise<{ nextauth: string[] }> }) => NextAuth(req as never, ctx as never, authOptions()) as Promise<Response>;

export { handler as GET, handler as POST };
