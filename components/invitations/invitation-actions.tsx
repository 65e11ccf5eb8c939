"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { requiredNumber } from "@/components/forms/field-values";
import { Alert, Button, Dialog, Field, Input, useToast } from "@/components/ui";
import { errorMessage, fieldErrors, useTRPC } from "@/components/trpc/client";
import {
  DEFAULT_EXPIRY_DAYS,
  MAX_EXPIRY_DAYS,
  MIN_EXPIRY_DAYS,
  resendInvitationInput,
  type ResendInvitationInput,
} from "@/server/invitations/invitations.schema";
import { formatDate } from "@/components/format";

const resolver = zodResolver(resendInvitationInput);

type Props = {
  invitationId: string;
  candidateName: string;
  expiresAt: Date;
  expired: boolean;
  canResend: boolean;
  canCancel: boolean;
};

export function InvitationActions({ invitationId, candidateName, expiresAt, expired, canResend, canCancel }: Props) {
  const trpc = useTRPC();
  const router = useRouter();
  const { toast } = useToast();
  const [open, setOpen] = useState<"resend" | "cancel" | null>(null);
  const [extend, setExtend] = useState(false);
  // An expired link is useless without a new expiry, so it is not optional then.
  const extending = expired || extend;
  const {
    register,
    handleSubmit,
    clearErrors,
    setError,
    formState: { errors },
  } = useForm<ResendInvitationInput>({ defaultValues: { invitationId, expiresInDays: DEFAULT_EXPIRY_DAYS }, resolver });
  const daysError = errors.expiresInDays?.message;

  const close = () => {
    setOpen(null);
    clearErrors();
  };
  const resend = useMutation(
    trpc.invitations.resend.mutationOptions({
      onSuccess: (r) => {
        close();
        toast({ title: "New link on its way", description: `The earlier link no longer works. The new one is valid until ${formatDate(r.expiresAt)}.` });
        router.refresh();
      },
      onError: (e) => {
        const message = fieldErrors(e).expiresInDays;
        if (message) setError("expiresInDays", { type: "server", message });
      },
    }),
  );
  const cancel = useMutation(
    trpc.invitations.cancel.mutationOptions({
      onSuccess: () => {
        close();
        toast({ title: "Invitation cancelled", description: "The link no longer works." });
        router.refresh();
      },
    }),
  );

  const show = (which: "resend" | "cancel") => {
    resend.reset();
    cancel.reset();
    setOpen(which);
  };

  const onResend = handleSubmit((input) => resend.mutate(input));

  if (!canResend && !canCancel) return null;
  return (
    <div className="flex flex-wrap gap-2">
      {canResend ? (
        <Button variant="outline" onClick={() => show("resend")}>
          Resend link
        </Button>
      ) : null}
      {canCancel ? (
        <Button variant="destructive" onClick={() => show("cancel")}>
          Cancel invitation
        </Button>
      ) : null}

      <Dialog
        open={open === "resend"}
        onOpenChange={(next) => !next && close()}
        title={`Send ${candidateName} a new link`}
        description="The link they have now stops working as soon as the new one is sent."
      >
        <form onSubmit={(e) => void onResend(e)} noValidate className="space-y-4">
          {expired ? (
            <p className="text-sm text-slate-700">This invitation has expired; the new link needs a new expiry.</p>
          ) : (
            <label className="flex items-start gap-2 text-sm">
              <input type="checkbox" className="mt-1" checked={extend} onChange={(e) => setExtend(e.target.checked)} />
              <span>Give more time (now valid until {formatDate(expiresAt)})</span>
            </label>
          )}
          {extending ? (
            <Field label="Days the new link stays valid" description={`${MIN_EXPIRY_DAYS} to ${MAX_EXPIRY_DAYS} days from now`} error={daysError}>
              {(props) => (
                <div className="w-28">
                  {/* Unregistered while hidden: without a new expiry the current one stands. */}
                  <Input
                    {...props}
                    type="number"
                    inputMode="numeric"
                    min={MIN_EXPIRY_DAYS}
                    max={MAX_EXPIRY_DAYS}
                    {...register("expiresInDays", { setValueAs: requiredNumber, shouldUnregister: true })}
                  />
                </div>
              )}
            </Field>
          ) : null}
          {resend.error && !daysError ? <Alert tone="danger">{errorMessage(resend.error)}</Alert> : null}
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <Button type="button" variant="ghost" onClick={close}>
              Back
            </Button>
            <Button type="submit" loading={resend.isPending}>
              Send new link
            </Button>
          </div>
        </form>
      </Dialog>

      <Dialog
        open={open === "cancel"}
        onOpenChange={(next) => !next && close()}
        title={`Cancel ${candidateName}'s invitation?`}
        description="The link stops working at once. Answers already recorded stay here for review."
      >
        <div className="space-y-4">
          {cancel.error ? <Alert tone="danger">{errorMessage(cancel.error)}</Alert> : null}
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <Button type="button" variant="ghost" onClick={close}>
              Keep it
            </Button>
            <Button variant="destructive" loading={cancel.isPending} onClick={() => cancel.mutate({ invitationId })}>
              Cancel invitation
            </Button>
          </div>
        </div>
      </Dialog>
    </div>
  );
}
