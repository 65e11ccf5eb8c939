import type { Metadata } from "next";
import Link from "next/link";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui";
import { MAGIC_LINK_MAX_AGE_MIN } from "@/server/auth/magic-link";
import { devToolsEnabled, env } from "@/server/config/env";

export const metadata: Metadata = { title: "Check your email" };
export const dynamic = "force-dynamic";

export default async function CheckEmailPage({ searchParams }: { searchParams: Promise<{ email?: string }> }) {
  const { email } = await searchParams;
  const mailbox = !env().RESEND_API_KEY && devToolsEnabled();
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-4 py-12">
      <Card>
        <CardHeader>
          <CardTitle>Check your email</CardTitle>
          <CardDescription>
            We sent a sign-in link{email ? ` to ${email}` : ""}. It works once and expires in {MAGIC_LINK_MAX_AGE_MIN} minutes.
          </CardDescription>
        </CardHeader>
        <CardContent className="space-y-3 text-sm text-slate-600">
          {mailbox ? (
            <p>
              No email service is configured, so messages stay on this machine:{" "}
              <Link className="font-medium text-brand-600 underline" href={`/dev/mailbox${email ? `?to=${encodeURIComponent(email)}` : ""}`}>
                open the dev mailbox
              </Link>
              .
            </p>
          ) : null}
          <p>
            Wrong address?{" "}
            <Link className="font-medium text-brand-600 underline" href="/sign-in">
              Start again
            </Link>
            .
          </p>
        </CardContent>
      </Card>
    </main>
  );
}
