import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Alert, Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui";
import { currentUser } from "@/server/auth/current-user";
import { homeFor } from "@/server/auth/guards";
import { oauthProviders } from "@/server/auth/options";
import { signInErrorMessage } from "@/server/auth/sign-in-errors";
import { devToolsEnabled } from "@/server/config/env";
import { DEMO_USERS } from "@/server/seed/seed";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ error?: string; callbackUrl?: string }> }) {
  const user = await currentUser();
  if (user) redirect(homeFor(user));
  const { error, callbackUrl } = await searchParams;
  const providers = oauthProviders().map((p) => ({ id: p.id, name: p.name }));
  const demo = devToolsEnabled() ? Object.values(DEMO_USERS) : [];
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-4 py-12">
      <Card>
        <CardHeader>
          <CardTitle as="h1">Sign in to AI Video Interview</CardTitle>
          <CardDescription>We email you a link: no password to remember.</CardDescription>
        </CardHeader>
        <CardContent className="space-y-6">
          {error ? <Alert tone="danger">{signInErrorMessage(error)}</Alert> : null}
          <SignInForm providers={providers} callbackUrl={callbackUrl ?? "/"} />
          {demo.length ? (
            <section aria-labelledby="demo-heading" className="space-y-2 border-t border-slate-200 pt-4">
              <h2 id="demo-heading" className="text-sm font-medium text-slate-700">
                Development: sign in as a demo user
              </h2>
              <div className="flex flex-wrap gap-2">
                {demo.map((u) => (
                  <form key={u.email} action="/api/dev/sign-in" method="post">
                    <input type="hidden" name="email" value={u.email} />
                    <button
                      type="submit"
                      className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-50 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-500"
                    >
                      {u.name} ({u.role.toLowerCase()})
                    </button>
                  </form>
                ))}
              </div>
            </section>
          ) : null}
        </CardContent>
      </Card>
    </main>
  );
}
