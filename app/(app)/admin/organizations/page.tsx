import type { Metadata } from "next";
import { PageHeader } from "@/components/ui";
import { requireRole } from "@/server/auth/guards";
import { OrganizationsTable } from "./organizations-table";

export const metadata: Metadata = { title: "Organizations" };

export default async function AdminOrganizationsPage() {
  await requireRole("ADMIN");
  return (
    <div className="space-y-6">
      <PageHeader
        title="Organizations"
        description="Plans, members, usage and storage of every organization. Suspending one signs its HR members out at once and pauses its open interviews; nothing is deleted, and re-activating restores it."
      />
      <OrganizationsTable />
    </div>
  );
}
