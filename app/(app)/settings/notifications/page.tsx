import type { Metadata } from "next";
import { Card, CardContent, CardDescription, CardHeader, CardTitle, PageHeader } from "@/components/ui";
import { requireUser } from "@/server/auth/guards";
import { getDb } from "@/server/db/client";
import { listEmailPreferences } from "@/server/notifications/email-preferences";
import { EmailPreferencesForm } from "./email-preferences-form";

export const metadata: Metadata = { title: "Notifications" };

export default async function NotificationSettingsPage() {
  const user = await requireUser();
  const audience = user.role === "CANDIDATE" ? "candidate" : "hr";
  const preferences = (await listEmailPreferences(getDb(), user.email)).filter((p) => p.audience === audience);
  return (
    <div className="max-w-xl space-y-6">
      <PageHeader title="Notifications" description={user.email} />
      <Card>
        <CardHeader>
          <CardTitle>Emails</CardTitle>
          <CardDescription>
            In-app notifications are always kept. Emails you need (an interview link, a sign-in link, billing problems) are always sent.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <EmailPreferencesForm preferences={preferences.map(({ kind, label, enabled }) => ({ kind, label, enabled }))} />
        </CardContent>
      </Card>
    </div>
  );
}
