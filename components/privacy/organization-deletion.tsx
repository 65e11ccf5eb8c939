"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { formatDate } from "@/components/format";
import { errorMessage, fieldErrors, useTRPC } from "@/components/trpc/client";
import { Alert, Button, Field, Input, useToast } from "@/components/ui";
import { ORGANIZATION_DELETION_GRACE_DAYS } from "@/server/retention/retention.schema";
import { ConfirmDialog } from "./confirm-dialog";

/** An owner schedules the organization's deletion (after the grace period), or cancels it. */
export function OrganizationDeletion({ name, deletionDueAt }: { name: string; deletionDueAt: Date | null }) {
  const trpc = useTRPC();
  const router = useRouter();
  const { toast } = useToast();
  const [typed, setTyped] = useState("");
  const [error, setError] = useState<string | null>(null);
  const request = useMutation(
    trpc.privacy.requestOrganizationDeletion.mutationOptions({
      onSuccess: (r) => {
        toast({ title: `${name} will be deleted on ${formatDate(r.deletionDueAt)}` });
        router.refresh();
      },
      onError: (e) => setError(fieldErrors(e).confirmName ?? errorMessage(e)),
    }),
  );
  const cancel = useMutation(
    trpc.privacy.cancelOrganizationDeletion.mutationOptions({
      onSuccess: () => {
        toast({ title: "The deletion is cancelled" });
        router.refresh();
      },
      onError: (e) => toast({ title: errorMessage(e), tone: "danger" }),
    }),
  );
  if (deletionDueAt) {
    return (
      <div className="space-y-3">
        <Alert tone="danger">
          {name} and everything in it (templates, interviews, recordings, members&apos; access, billing) will be deleted on {formatDate(deletionDueAt)}.
        </Alert>
        <Button variant="outline" loading={cancel.isPending} onClick={() => cancel.mutate()}>
          Cancel the deletion
        </Button>
      </div>
    );
  }
  return (
    <ConfirmDialog
      trigger={(open) => (
        <Button variant="destructive" onClick={open}>
          Delete the organization
        </Button>
      )}
      title={`Delete ${name}?`}
      description={`Everything in it is deleted after ${ORGANIZATION_DELETION_GRACE_DAYS} days: templates, every interview with its recordings, members' access and billing. Any owner can cancel until then.`}
      confirmLabel={`Delete in ${ORGANIZATION_DELETION_GRACE_DAYS} days`}
      pending={request.isPending}
      error={error}
      ready={typed.trim().length > 0}
      onConfirm={() => request.mutate({ confirmName: typed })}
      onOpenChange={(open) => {
        if (!open) {
          setTyped("");
          setError(null);
        }
      }}
    >
      <Field label="Type the organization's name to confirm">
        {(props) => <Input {...props} autoComplete="off" value={typed} onChange={(e) => setTyped(e.target.value)} />}
      </Field>
    </ConfirmDialog>
  );
}
