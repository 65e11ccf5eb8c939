"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { Alert, Button, ButtonLink, Dialog, DropdownMenu, DropdownMenuItem, useToast } from "@/components/ui";
import { errorMessage, useTRPC, trpcErrorCode } from "@/components/trpc/client";
import type { TemplateDetail } from "@/server/templates/queries";
import type { TemplateStatusValue } from "@/server/templates/templates.schema";

const DONE: Record<TemplateStatusValue, string> = {
  PUBLISHED: "Published: you can invite candidates now",
  DRAFT: "Back to draft",
  ARCHIVED: "Archived",
};

/**
 * Publish or unpublish, invite, duplicate, archive or unarchive, and delete (only for a template
 * nobody was invited to; the others are archived instead).
 */
export function TemplateActions({
  template,
  dirty,
  onChanged,
  onError,
}: {
  template: TemplateDetail;
  dirty: boolean;
  onChanged: (template: TemplateDetail) => void;
  onError: (message: string | null) => void;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const { toast } = useToast();
  const hint = useId();
  const [confirming, setConfirming] = useState(false);

  const setStatus = useMutation(
    trpc.templates.setStatus.mutationOptions({
      onMutate: () => onError(null),
      onSuccess: (t) => {
        onChanged(t);
        toast({ title: DONE[t.status], tone: "success" });
      },
      onError: (e) => onError(errorMessage(e)),
    }),
  );
  const duplicate = useMutation(
    trpc.templates.duplicate.mutationOptions({
      onMutate: () => onError(null),
      onSuccess: (copy) => {
        toast({ title: "Template duplicated", description: `Now editing “${copy.title}”, a draft.`, tone: "success" });
        router.push(`/templates/${copy.id}`);
      },
      onError: (e) => onError(errorMessage(e)),
    }),
  );
  const remove = useMutation(
    trpc.templates.delete.mutationOptions({
      onSuccess: () => {
        toast({ title: "Template deleted", tone: "success" });
        router.push("/templates");
      },
    }),
  );
  const refusedDelete = trpcErrorCode(remove.error) === "CONFLICT";

  const status = (next: TemplateStatusValue) => setStatus.mutate({ id: template.id, status: next });
  const busy = setStatus.isPending || duplicate.isPending;

  return (
    <div className="flex flex-wrap items-center gap-2">
      {template.status === "DRAFT" ? (
        <Button
          onClick={() => status("PUBLISHED")}
          loading={setStatus.isPending && setStatus.variables?.status === "PUBLISHED"}
          disabled={busy || dirty}
          aria-describedby={dirty ? hint : undefined}
        >
          Publish
        </Button>
      ) : null}
      {template.status === "PUBLISHED" ? (
        <>
          <ButtonLink href={`/invitations/new?templateId=${encodeURIComponent(template.id)}`}>Invite candidates</ButtonLink>
          <Button variant="outline" onClick={() => status("DRAFT")} loading={setStatus.isPending && setStatus.variables?.status === "DRAFT"} disabled={busy}>
            Unpublish
          </Button>
        </>
      ) : null}
      {template.status === "ARCHIVED" ? (
        <Button variant="outline" onClick={() => status("DRAFT")} loading={setStatus.isPending} disabled={busy}>
          Unarchive
        </Button>
      ) : null}
      <DropdownMenu label="More actions">
        <DropdownMenuItem onSelect={() => duplicate.mutate({ id: template.id })}>{dirty ? "Duplicate the saved version" : "Duplicate"}</DropdownMenuItem>
        {template.status === "ARCHIVED" ? null : <DropdownMenuItem onSelect={() => status("ARCHIVED")}>Archive</DropdownMenuItem>}
        {template.canDelete ? (
          <DropdownMenuItem
            onSelect={() => {
              remove.reset();
              setConfirming(true);
            }}
          >
            Delete…
          </DropdownMenuItem>
        ) : null}
      </DropdownMenu>
      {dirty && template.status === "DRAFT" ? (
        <p id={hint} className="basis-full text-sm text-slate-600">
          Save your changes before publishing.
        </p>
      ) : null}

      <Dialog
        open={confirming}
        onOpenChange={setConfirming}
        title={`Delete “${template.title}”?`}
        description="The template and its questions are removed for good. Nobody has been invited to it yet."
      >
        {remove.error ? (
          <Alert tone="danger" title={refusedDelete ? "It can no longer be deleted" : "Not deleted"}>
            {errorMessage(remove.error)}
          </Alert>
        ) : null}
        <div className="flex flex-wrap justify-end gap-2">
          <Button variant="ghost" onClick={() => setConfirming(false)}>
            Cancel
          </Button>
          {refusedDelete && template.status !== "ARCHIVED" ? (
            <Button
              variant="outline"
              onClick={() => {
                setConfirming(false);
                status("ARCHIVED");
              }}
            >
              Archive instead
            </Button>
          ) : (
            <Button variant="destructive" loading={remove.isPending} onClick={() => remove.mutate({ id: template.id })}>
              Delete template
            </Button>
          )}
        </div>
      </Dialog>
    </div>
  );
}
