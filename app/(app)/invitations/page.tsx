import type { Metadata } from "next";
import { InvitationsList } from "@/components/invitations/invitations-list";
import { ButtonLink, PageHeader } from "@/components/ui";
import { requireRole } from "@/server/auth/guards";
import { INVITATION_STATUSES, type InvitationStatusValue } from "@/server/invitations/status";

export const metadata: Metadata = { title: "Invitations" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function InvitationsPage({ searchParams }: { searchParams: SearchParams }) {
  await requireRole("HR", "ADMIN");
  const params = await searchParams;
  const status =
    typeof params.status === "string" && (INVITATION_STATUSES as readonly string[]).includes(params.status)
      ? (params.status as InvitationStatusValue)
      : undefined;
  const templateId = typeof params.templateId === "string" ? params.templateId : undefined;
  return (
    <div className="space-y-6">
      <PageHeader
        title="Invitations"
        description="Everyone invited to an interview, where they are, and their answers."
        actions={
          <ButtonLink href={templateId ? `/invitations/new?templateId=${encodeURIComponent(templateId)}` : "/invitations/new"}>Invite candidates</ButtonLink>
        }
      />
      <InvitationsList initialStatus={status} initialTemplateId={templateId} />
    </div>
  );
}
