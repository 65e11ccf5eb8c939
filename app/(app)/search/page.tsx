import type { Metadata } from "next";
import { InterviewSearch } from "@/components/search/interview-search";
import { PageHeader } from "@/components/ui";
import { requireRole } from "@/server/auth/guards";
import { getEmbedder } from "@/server/search/embedder";

export const metadata: Metadata = { title: "Search" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function SearchPage({ searchParams }: { searchParams: SearchParams }) {
  await requireRole("HR", "ADMIN");
  const params = await searchParams;
  const q = typeof params.q === "string" ? params.q : "";
  const templateId = typeof params.templateId === "string" ? params.templateId : "";
  return (
    <div className="space-y-6">
      <PageHeader
        title="Search interviews"
        description="Find what candidates said across your organization's interviews, and jump to that moment of the answer."
      />
      <InterviewSearch initialQuery={q} initialTemplateId={templateId} engineLabel={getEmbedder().label} />
    </div>
  );
}
