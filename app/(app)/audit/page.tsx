import type { Metadata } from "next";
import { AuditLog } from "@/components/analysis/audit-log";
import { PageHeader } from "@/components/ui";
import { requireRole } from "@/server/auth/guards";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditPage() {
  await requireRole("HR", "ADMIN");
  return (
    <div className="space-y-6">
      <PageHeader
        title="Audit log"
        description="Who changed what in your organization, newest first: overrides of the AI's scores with their reasons, invitations, templates and settings."
      />
      <AuditLog />
    </div>
  );
}
