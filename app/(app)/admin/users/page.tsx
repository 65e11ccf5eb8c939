import type { Metadata } from "next";
import { PageHeader } from "@/components/ui";
import { requireRole } from "@/server/auth/guards";
import { UsersTable } from "./users-table";

export const metadata: Metadata = { title: "Users" };

export default async function AdminUsersPage() {
  const me = await requireRole("ADMIN");
  return (
    <div className="space-y-6">
      <PageHeader title="Users" description="Suspend, re-activate and change roles. A suspended user is signed out everywhere at once." />
      <UsersTable currentUserId={me.id} />
    </div>
  );
}
