"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { errorMessage, fieldErrors, useTRPC } from "@/components/trpc/client";
import { Alert, Button, Dialog, Field, Input, useToast } from "@/components/ui";
import { API_KEY_SCOPES, createApiKeyInput, type CreateApiKeyForm, type CreateApiKeyInput } from "@/server/api-keys/api-keys.schema";

const resolver = zodResolver<CreateApiKeyForm, unknown, CreateApiKeyInput>(createApiKeyInput);

const SCOPE_TEXT: Record<(typeof API_KEY_SCOPES)[number], string> = {
  read: "Read: list templates and invitations, read interviews, answers and analyses",
  write: "Write: invite candidates, resend and cancel invitations",
};

/** Creates a key with the procedure's own schema, then shows its secret once with a copy button. */
export function CreateApiKeyForm() {
  const trpc = useTRPC();
  const router = useRouter();
  const { toast } = useToast();
  const [secret, setSecret] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    reset,
    setError,
    formState: { errors },
  } = useForm<CreateApiKeyForm, unknown, CreateApiKeyInput>({ defaultValues: { name: "", scopes: ["read"] }, resolver });
  const create = useMutation(
    trpc.apiKeys.create.mutationOptions({
      onSuccess: (key) => {
        setSecret(key.secret);
        reset();
        router.refresh();
      },
      onError: (e) => {
        const fields = fieldErrors(e);
        if (fields.name) setError("name", { type: "server", message: fields.name });
        if (fields.scopes) setError("scopes", { type: "server", message: fields.scopes });
      },
    }),
  );
  const copy = async () => {
    if (!secret) return;
    try {
      await navigator.clipboard.writeText(secret);
      toast({ title: "Key copied" });
    } catch {
      // Browsers refuse the clipboard without permission or outside a secure context.
      toast({ title: "Could not copy", description: "Select the key and copy it yourself.", tone: "danger" });
    }
  };

  return (
    <>
      <form onSubmit={(e) => void handleSubmit((input) => create.mutate(input))(e)} noValidate className="space-y-4">
        <Field label="Name" description="Say which system uses it, e.g. Greenhouse sync." error={errors.name?.message}>
          {(props) => <Input {...props} className="max-w-sm" autoComplete="off" {...register("name")} />}
        </Field>
        <fieldset className="space-y-2" aria-describedby={errors.scopes ? "scopes-error" : undefined}>
          <legend className="text-sm font-medium text-slate-900">Scopes</legend>
          {API_KEY_SCOPES.map((scope) => (
            <label key={scope} className="flex items-start gap-2 text-sm text-slate-700">
              <input type="checkbox" className="mt-1" value={scope} {...register("scopes")} />
              <span>{SCOPE_TEXT[scope]}</span>
            </label>
          ))}
          {errors.scopes ? (
            <p id="scopes-error" role="alert" className="text-sm text-red-600">
              {errors.scopes.message}
            </p>
          ) : null}
        </fieldset>
        {create.error && !errors.name && !errors.scopes ? <Alert tone="danger">{errorMessage(create.error)}</Alert> : null}
        <Button type="submit" loading={create.isPending}>
          Create key
        </Button>
      </form>

      <Dialog
        open={secret !== null}
        onOpenChange={(open) => !open && setSecret(null)}
        title="Copy your new API key"
        description="This is the only time it is shown: only a hash of it is kept. Store it in your system's secrets now."
      >
        <div className="space-y-4">
          <Field label="API key">
            {(props) => <Input {...props} readOnly value={secret ?? ""} className="font-mono text-xs" onFocus={(e) => e.currentTarget.select()} />}
          </Field>
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <Button variant="ghost" onClick={() => setSecret(null)}>
              Done
            </Button>
            <Button onClick={() => void copy()}>Copy key</Button>
          </div>
        </div>
      </Dialog>
    </>
  );
}
