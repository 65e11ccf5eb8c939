"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { errorMessage, fieldErrors, useTRPC } from "@/components/trpc/client";
import { Button, Field, Input, useToast } from "@/components/ui";
import { retentionSettingsInput } from "@/server/retention/retention.schema";

/** An owner's retention setting, checked by the procedure's own schema before it is sent. */
export function RetentionForm({ configuredDays, planMaxDays, planName }: { configuredDays: number; planMaxDays: number; planName: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const { toast } = useToast();
  const [value, setValue] = useState(String(configuredDays));
  const [error, setError] = useState<string | null>(null);
  const save = useMutation(
    trpc.privacy.setRetention.mutationOptions({
      onSuccess: (r) => {
        toast({ title: `Interviews are now kept for ${r.effectiveDays} days` });
        router.refresh();
      },
      onError: (e) => setError(fieldErrors(e).retentionDays ?? errorMessage(e)),
    }),
  );
  return (
    <form
      className="flex flex-wrap items-end gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        const parsed = retentionSettingsInput.safeParse({ retentionDays: value.trim() === "" ? Number.NaN : Number(value) });
        if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? "Check the number of days.");
        setError(null);
        save.mutate(parsed.data);
      }}
    >
      <Field label="Days kept after an interview ends" description={`The ${planName} plan allows up to ${planMaxDays} days.`} error={error} className="w-72">
        {(props) => <Input {...props} type="number" inputMode="numeric" min={1} max={planMaxDays} value={value} onChange={(e) => setValue(e.target.value)} />}
      </Field>
      <Button type="submit" loading={save.isPending}>
        Save
      </Button>
    </form>
  );
}
