import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { IntroCard } from "@/components/templates/intro-card";
import { IntroVideoCard } from "@/components/templates/intro-video-card";
import { SettingsCard } from "@/components/templates/settings-card";
import { TemplateWorkspace } from "@/components/templates/template-workspace";
import { requireRole } from "@/server/auth/guards";
import { serverCaller } from "@/server/trpc/server-caller";

export const metadata: Metadata = { title: "Interview template" };

export default async function TemplatePage({ params }: { params: Promise<{ id: string }> }) {
  await requireRole("HR", "ADMIN");
  const { id } = await params;
  const template = await (await serverCaller()).templates.get({ id }).catch((error: unknown) => {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  // Keyed by id: moving to a duplicate starts a fresh editor instead of keeping the source's draft.
  return (
    <div className="space-y-6">
      <TemplateWorkspace key={template.id} initial={template} />
      <SettingsCard key={`settings-${template.id}`} templateId={template.id} settings={template.settings} editable={template.status !== "ARCHIVED"} />
      <IntroCard key={`intro-${template.id}`} templateId={template.id} introText={template.introText} editable={template.status !== "ARCHIVED"} />
      <IntroVideoCard key={`intro-video-${template.id}`} templateId={template.id} editable={template.status !== "ARCHIVED"} />
    </div>
  );
}
