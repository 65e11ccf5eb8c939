import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ComparisonTable } from "@/components/comparison/comparison-table";
import { PageHeader } from "@/components/ui";
import { requireRole } from "@/server/auth/guards";
import { serverCaller } from "@/server/trpc/server-caller";

export const metadata: Metadata = { title: "Compare candidates" };

export default async function CompareCandidatesPage({ params }: { params: Promise<{ id: string }> }) {
  await requireRole("HR", "ADMIN");
  const { id } = await params;
  const comparison = await (await serverCaller()).analysis.compare({ templateId: id }).catch((error: unknown) => {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={`/templates/${comparison.template.id}`} className="text-brand-700 underline-offset-2 hover:underline">
          {comparison.template.title}
        </Link>
      </nav>
      <PageHeader
        title="Compare candidates"
        description="Everyone invited to this interview, side by side, with HR's overrides applied. The AI's read is a starting point: open an interview to check the evidence."
      />
      <ComparisonTable templateId={comparison.template.id} initial={comparison} />
    </div>
  );
}
