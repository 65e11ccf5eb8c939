import type { Metadata } from "next";
import Link from "next/link";
import { TemplateEditor } from "@/components/templates/template-editor";
import { PageHeader } from "@/components/ui";
import { requireRole } from "@/server/auth/guards";

export const metadata: Metadata = { title: "New interview template" };

export default async function NewTemplatePage() {
  await requireRole("HR", "ADMIN");
  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/templates" className="text-brand-700 underline-offset-2 hover:underline focus-visible:underline">
          Interview templates
        </Link>
      </nav>
      <PageHeader title="New interview template" description="It stays a draft, visible to your organization only, until you publish it." />
      <TemplateEditor template={null} />
    </div>
  );
}
