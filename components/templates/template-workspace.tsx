"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { formatDateTime } from "@/components/format";
import { Alert, ButtonLink, PageHeader } from "@/components/ui";
import { useTRPC } from "@/components/trpc/client";
import type { TemplateDetail } from "@/server/templates/queries";
import { TemplateStatusBadge } from "./status-badge";
import { TemplateActions } from "./template-actions";
import { TemplateEditor } from "./template-editor";

/** One template's page: its status and actions above the editor, kept in step through the query cache. */
export function TemplateWorkspace({ initial }: { initial: TemplateDetail }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: template = initial } = useQuery(trpc.templates.get.queryOptions({ id: initial.id }, { initialData: initial }));
  const [dirty, setDirty] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);

  const changed = (next: TemplateDetail) => {
    queryClient.setQueryData(trpc.templates.get.queryKey({ id: next.id }), next);
    void queryClient.invalidateQueries({ queryKey: trpc.templates.list.queryKey() });
  };

  const invitations = template.invitationCount;
  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/templates" className="text-brand-700 underline-offset-2 hover:underline focus-visible:underline">
          Interview templates
        </Link>
      </nav>
      <PageHeader
        title={template.title}
        description={
          <span className="flex flex-wrap items-center gap-x-2 gap-y-1">
            <TemplateStatusBadge status={template.status} />
            <span suppressHydrationWarning>
              {template.questions.length} question{template.questions.length === 1 ? "" : "s"} · {invitations} invitation{invitations === 1 ? "" : "s"} ·
              updated {formatDateTime(template.updatedAt)}
            </span>
          </span>
        }
        actions={
          <>
            <ButtonLink href={`/templates/${template.id}/compare`} variant="outline">
              Compare candidates
            </ButtonLink>
            <TemplateActions template={template} dirty={dirty} onChanged={changed} onError={setActionError} />
          </>
        }
      />
      {actionError ? (
        <Alert tone="danger" title="That did not work">
          {actionError}
        </Alert>
      ) : null}
      {template.status === "ARCHIVED" ? (
        <Alert tone="warning" title="Archived">
          Nobody can be invited to this template, and it cannot be edited. Unarchive it to work on it again; interviews already sent are unaffected.
        </Alert>
      ) : invitations > 0 ? (
        <Alert tone="info">
          {invitations} invitation{invitations === 1 ? " was" : "s were"} sent from this template. Candidates answer the questions as they were when invited:
          your edits apply to new invitations only. Because of them, the template can be archived but not deleted.
        </Alert>
      ) : null}
      <TemplateEditor template={template} onSaved={changed} onDirtyChange={setDirty} />
    </div>
  );
}
