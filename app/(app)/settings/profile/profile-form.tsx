"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button, Field, Input, useToast } from "@/components/ui";
import { errorMessage, fieldErrors, useTRPC } from "@/components/trpc/client";
import { updateProfileInput } from "@/server/users/users.schema";

export function ProfileForm({ name: initial }: { name: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const { toast } = useToast();
  const [name, setName] = useState(initial);
  const [error, setError] = useState<string | undefined>();
  const save = useMutation(
    trpc.users.updateProfile.mutationOptions({
      onSuccess: () => {
        toast({ title: "Saved" });
        router.refresh();
      },
      onError: (e) => setError(fieldErrors(e).name ?? errorMessage(e)),
    }),
  );
  function onSubmit(e: FormEvent) {
    e.preventDefault();
    const parsed = updateProfileInput.safeParse({ name });
    if (!parsed.success) return setError(parsed.error.issues[0]?.message);
    setError(undefined);
    save.mutate(parsed.data);
  }
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <Field label="Name" error={error}>
        {(props) => <Input {...props} value={name} onChange={(e) => setName(e.target.value)} autoComplete="name" />}
      </Field>
      <Button type="submit" loading={save.isPending}>
        Save
      </Button>
    </form>
  );
}
