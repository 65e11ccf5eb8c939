import type { Metadata } from "next";
import { TemplatesList } from "@/components/templates/templates-list";
import { ButtonLink, PageHeader } from "@/components/ui";
import { requireRole } from "@/server/auth/guards";

export const metadata: Metadata = { title: "Interview templates" };

export default async function TemplatesPage() {
  await requireRole("HR", "ADMIN");
  return (
    <div className="space-y-6">
      <PageHeader
        title="Interview templates"
        description="The job, the rubric and the questions of each interview. Publish a template to invite candidates to it."
        actions={<ButtonLink href="/templates/new">New template</ButtonLink>}
      />
      <TemplatesList />
    </div>
  );
}
