"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { requiredNumber } from "@/components/forms/field-values";
import { Alert, Button, Card, CardContent, CardDescription, CardHeader, CardTitle, Field, Input, useToast } from "@/components/ui";
import { errorMessage, fieldErrors, useTRPC } from "@/components/trpc/client";
import {
  MAX_EXTRA_RETAKES,
  MAX_EXTRA_TIME_PCT,
  setAccommodationsInput,
  type AccommodationsFields,
  type SetAccommodationsInput,
} from "@/server/invitations/accommodations.schema";

const resolver = zodResolver(setAccommodationsInput);

/**
 * HR's accommodations for one candidate: extra think and answer time and extra retakes on every
 * question. The candidate reads them on the consent screen; the server applies them to the limits.
 */
export function AccommodationsCard({ invitationId, values, editable }: { invitationId: string; values: AccommodationsFields; editable: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const { toast } = useToast();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<SetAccommodationsInput>({ defaultValues: { invitationId, ...values }, resolver });
  const save = useMutation(
    trpc.invitations.setAccommodations.mutationOptions({
      onSuccess: () => {
        toast({ title: "Accommodations saved", description: "The candidate sees them the next time their interview page loads." });
        router.refresh();
      },
      onError: (e) => {
        for (const [field, message] of Object.entries(fieldErrors(e))) {
          if (field === "extraThinkPct" || field === "extraAnswerPct" || field === "extraRetakes") setError(field, { type: "server", message });
        }
      },
    }),
  );
  const onSubmit = handleSubmit((input) => save.mutate(input));
  const number = (name: "extraThinkPct" | "extraAnswerPct" | "extraRetakes", label: string, description: string, max: number) => (
    <Field label={label} description={description} error={errors[name]?.message}>
      {(props) => (
        <Input {...props} type="number" inputMode="numeric" min={0} max={max} disabled={!editable} {...register(name, { setValueAs: requiredNumber })} />
      )}
    </Field>
  );
  return (
    <Card>
      <section aria-labelledby="accommodations-heading">
        <CardHeader>
          <CardTitle id="accommodations-heading">Accommodations</CardTitle>
          <CardDescription>
            Extra time and retakes for this candidate on every question. They are stated on the candidate&apos;s consent screen.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <form className="space-y-3" noValidate onSubmit={(e) => void onSubmit(e)}>
            {number("extraThinkPct", "Extra think time (%)", `0 to ${MAX_EXTRA_TIME_PCT} % of each question's think time`, MAX_EXTRA_TIME_PCT)}
            {number("extraAnswerPct", "Extra answer time (%)", `0 to ${MAX_EXTRA_TIME_PCT} % of each question's time limit`, MAX_EXTRA_TIME_PCT)}
            {number("extraRetakes", "Extra retakes", `0 to ${MAX_EXTRA_RETAKES} per recorded question`, MAX_EXTRA_RETAKES)}
            {save.error && Object.keys(fieldErrors(save.error)).length === 0 ? <Alert tone="danger">{errorMessage(save.error)}</Alert> : null}
            {editable ? (
              <Button type="submit" size="sm" loading={save.isPending}>
                Save accommodations
              </Button>
            ) : (
              <p className="text-sm text-slate-600">The interview can no longer be answered, so these cannot change.</p>
            )}
          </form>
        </CardContent>
      </section>
    </Card>
  );
}
