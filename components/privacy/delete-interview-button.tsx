"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { errorMessage, fieldErrors, useTRPC } from "@/components/trpc/client";
import { Button, Field, Input, useToast } from "@/components/ui";
import { ConfirmDialog } from "./confirm-dialog";

/**
 * HR deletes one candidate's interview data at once, after typing DELETE: recordings and every
 * derived file, answers, transcripts, passages, analyses and overrides. A tombstone remains.
 */
export function DeleteInterviewButton({
  invitationId,
  candidateName,
  afterPath,
  label = "Delete this candidate's data",
}: {
  invitationId: string;
  candidateName: string;
  /** Where to go once the interview is gone (its own page no longer exists). */
  afterPath?: string;
  label?: string;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const { toast } = useToast();
  const [typed, setTyped] = useState("");
  const [error, setError] = useState<string | null>(null);
  const remove = useMutation(
    trpc.privacy.deleteInterview.mutationOptions({
      onSuccess: (r) => {
        toast({
          title: `${candidateName}'s data was deleted`,
          description: r.filesFailed ? `${r.filesFailed} file(s) could not be deleted yet; they are retried and shown to administrators.` : undefined,
        });
        if (afterPath) router.push(afterPath);
        else router.refresh();
      },
      onError: (e) => setError(fieldErrors(e).confirm ?? errorMessage(e)),
    }),
  );
  return (
    <ConfirmDialog
      trigger={(open) => (
        <Button variant="destructive" size="sm" onClick={open}>
          {label}
        </Button>
      )}
      title={`Delete ${candidateName}'s interview data?`}
      description="Their recordings, answers, transcripts, search passages, the AI analysis and your overrides' notes are deleted now and cannot be recovered. A record without name, email or answers keeps the dates and the decision."
      confirmLabel="Delete for good"
      pending={remove.isPending}
      error={error}
      ready={typed === "DELETE"}
      onConfirm={() => remove.mutate({ invitationId, confirm: "DELETE" })}
      onOpenChange={(open) => {
        if (!open) {
          setTyped("");
          setError(null);
        }
      }}
    >
      <Field label="Type DELETE to confirm">
        {(props) => <Input {...props} autoComplete="off" value={typed} onChange={(e) => setTyped(e.target.value)} />}
      </Field>
    </ConfirmDialog>
  );
}
