import type { Metadata } from "next";
import { InviteForm } from "@/components/invitations/invite-form";
import { ButtonLink, EmptyState, PageHeader } from "@/components/ui";
import { requireRole } from "@/server/auth/guards";
import { serverCaller } from "@/server/trpc/server-caller";

export const metadata: Metadata = { title: "Invite candidates" };

export default async function InviteCandidatesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireRole("HR", "ADMIN");
  const [params, options] = await Promise.all([searchParams, (await serverCaller()).invitations.templates()]);
  const templates = options.filter((t) => t.status === "PUBLISHED" && t.questionCount > 0);
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <PageHeader
        title="Invite candidates"
        description="Each candidate gets a personal link by email. They answer the questions as the template stands now; later edits do not change their interview."
      />
      {templates.length ? (
        <InviteForm templates={templates} initialTemplateId={typeof params.templateId === "string" ? params.templateId : undefined} />
      ) : (
        <EmptyState
          title="No published template yet"
          description="Candidates are invited to a published interview template. Publish one, then come back."
          action={
            <ButtonLink href="/invitations" variant="outline">
              Back to invitations
            </ButtonLink>
          }
        />
      )}
    </div>
  );
}
