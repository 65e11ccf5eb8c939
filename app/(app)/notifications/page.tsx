import type { Metadata } from "next";
import { NotificationsList } from "@/components/notifications/notifications-list";
import { PageHeader } from "@/components/ui";
import { requireRole } from "@/server/auth/guards";

export const metadata: Metadata = { title: "Notifications" };

export default async function NotificationsPage() {
  await requireRole("HR", "ADMIN", "CANDIDATE");
  return (
    <div className="space-y-6">
      <PageHeader title="Notifications" description="Newest first." />
      <NotificationsList />
    </div>
  );
}
