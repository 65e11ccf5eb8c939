import type { Metadata } from "next";
import { Alert, Button, Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui";
import { EMAIL_KINDS } from "@/server/notifications/email-preferences";
import { verifyUnsubscribe } from "@/server/notifications/unsubscribe";

export const metadata: Metadata = { title: "Unsubscribe" };
export const dynamic = "force-dynamic";

export default async function UnsubscribePage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const params = await searchParams;
  const query = new URLSearchParams(Object.entries(params).flatMap(([k, v]) => (v === undefined || k === "done" ? [] : [[k, v]])));
  const target = verifyUnsubscribe(query);
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-4 py-12">
      <Card>
        <CardHeader>
          <CardTitle as="h1">Unsubscribe</CardTitle>
          {target ? <CardDescription>{target.email}</CardDescription> : null}
        </CardHeader>
        <CardContent className="space-y-4">
          {!target ? (
            <Alert tone="danger">This unsubscribe link is not valid. Copy the whole link from the email.</Alert>
          ) : params.done ? (
            <p role="status">
              Done: no more emails of this kind ({EMAIL_KINDS[target.kind].label.toLowerCase()}). Emails you need, such as an interview link, still arrive; with
              an account, change this any time under Settings, Notifications.
            </p>
          ) : (
            <form method="post" action={`/api/unsubscribe?${query.toString()}`} className="space-y-4">
              <p>Stop these emails: {EMAIL_KINDS[target.kind].label.toLowerCase()}?</p>
              <Button type="submit">Unsubscribe</Button>
            </form>
          )}
        </CardContent>
      </Card>
    </main>
  );
}
