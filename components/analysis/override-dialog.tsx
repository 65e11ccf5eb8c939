"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useForm, type FieldPath } from "react-hook-form";
import { Alert, Button, Dialog, Field, Select, Textarea, useToast } from "@/components/ui";
import { errorMessage, fieldErrors, useTRPC } from "@/components/trpc/client";
import { RECOMMENDATION_LABELS, RECOMMENDATIONS } from "@/server/analysis/analysis.schema";
import { OVERRIDE_REASON, overrideAnalysisInput, SCORE_VALUES, type OverrideAnalysisInput } from "@/server/review/analysis.schema";
import { RECOMMENDATION_FIELD } from "@/server/review/effective";

type Props = {
  invitationId: string;
  /** A competency id, or "recommendation". */
  field: string;
  /** What is overridden, e.g. "Ownership" or "the recommendation". */
  label: string;
  current: string | null;
};

const SCORE_LABELS: Record<string, string> = { "1": "1 – poor", "2": "2 – weak", "3": "3 – adequate", "4": "4 – good", "5": "5 – excellent" };

const resolver = zodResolver(overrideAnalysisInput);

export function OverrideButton({ invitationId, field, label, current }: Props) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { toast } = useToast();
  const [open, setOpen] = useState(false);
  // What is overridden rides along unregistered, so the procedure's whole schema checks the form.
  const blank = { invitationId, field, value: "", reason: "" };
  const {
    register,
    handleSubmit,
    reset,
    setError,
    formState: { errors },
  } = useForm<OverrideAnalysisInput>({ defaultValues: blank, resolver });
  const isRecommendation = field === RECOMMENDATION_FIELD;

  const mutation = useMutation(
    trpc.analysis.override.mutationOptions({
      onSuccess: async (r) => {
        setOpen(false);
        toast({ title: `${r.label} overridden`, description: "The AI's value stays on record beside yours." });
        await queryClient.invalidateQueries({ queryKey: trpc.analysis.pathKey() });
      },
      onError: (e) => {
        for (const [path, message] of Object.entries(fieldErrors(e))) setError(path as FieldPath<OverrideAnalysisInput>, { type: "server", message });
      },
    }),
  );

  const show = () => {
    mutation.reset();
    reset(blank);
    setOpen(true);
  };

  const onSubmit = handleSubmit((input) => mutation.mutate(input));

  const options = isRecommendation
    ? RECOMMENDATIONS.map((r) => ({ value: r, label: RECOMMENDATION_LABELS[r] }))
    : SCORE_VALUES.map((v) => ({ value: v, label: SCORE_LABELS[v]! }));
  const otherError = errors.invitationId?.message ?? errors.field?.message ?? errors.root?.message;
  const serverError = mutation.error && Object.keys(fieldErrors(mutation.error)).length === 0 ? errorMessage(mutation.error) : null;

  return (
    <>
      <Button variant="outline" size="sm" onClick={show} aria-label={`Override ${label}`}>
        Override
      </Button>
      <Dialog
        open={open}
        onOpenChange={(next) => !mutation.isPending && setOpen(next)}
        title={`Override ${label}`}
        description={`Now ${current === null ? "not scored" : isRecommendation ? (RECOMMENDATION_LABELS[current as keyof typeof RECOMMENDATION_LABELS] ?? current) : current}. Your value replaces it wherever this interview is scored; the AI's stays on record.`}
      >
        <form onSubmit={(e) => void onSubmit(e)} noValidate className="space-y-4">
          <Field label={isRecommendation ? "Your recommendation" : "Your score"} error={errors.value?.message} required>
            {(props) => (
              <Select {...props} {...register("value")}>
                <option value="">Choose…</option>
                {options.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field
            label="Why"
            description={`${OVERRIDE_REASON.min} to ${OVERRIDE_REASON.max} characters; kept in the audit log.`}
            error={errors.reason?.message}
            required
          >
            {(props) => <Textarea {...props} rows={3} maxLength={OVERRIDE_REASON.max + 50} {...register("reason")} />}
          </Field>
          {otherError ? <Alert tone="danger">{otherError}</Alert> : null}
          {serverError ? <Alert tone="danger">{serverError}</Alert> : null}
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <Button type="button" variant="ghost" onClick={() => setOpen(false)} disabled={mutation.isPending}>
              Cancel
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              Save override
            </Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
